import { SheetChecker } from "./sheet-checker";
import { labelsOf } from "./read/label-grid";
import { RowInfo } from "./read/rows";
import { columnName } from "./read/table-helpers";
import { TableLayout } from "./read/table-layout";

interface Node {
  info: RowInfo;
  code: string;
  children: RowInfo[];
}

/**
 * CODE-TREE and CODE-ORPHAN in one pass with a stack of open codes: each 款 equals the sum of its
 * 项, each 类 the sum of its 款. A code whose parent (its code without the last two digits) is not
 * the open code above it does not fit the tree. Linear in the number of rows.
 */
export function checkCodeTree(ck: SheetChecker, table: TableLayout, rows: RowInfo[]): void {
  for (let i = 0; i < rows.length; i++) if (rows[i].codeAt?.problem) reportUnreadable(ck, rows[i]);
  const coded = rows.filter((r) => r.code);
  if (coded.length === 0 || table.codeCol === undefined) return;
  const lengths = new Set(coded.map((r) => r.code!.length));
  const stack: Node[] = [];
  const groups = table.amountCols.map((col) => `row|${col}`);
  const finish = (node: Node) => {
    if (node.children.length) checkParent(ck, table, node, groups);
  };
  for (let i = 0; i < coded.length; i++) {
    const info = coded[i];
    const code = info.code!;
    const parentLength = code.length - 2;
    const parentLevelExists = lengths.has(parentLength);
    if (code.length > 3 && parentLevelExists && !underOpen(stack, code)) {
      // A code that fits under no open code is most likely mistyped (2110201 among 21002's rows).
      // Report it once and leave the open tree alone: closing it here would misjudge every sum
      // and code that follows. Its figure still counts where the row stands.
      reportOrphan(ck, table, info, code.slice(0, parentLength), stack);
      stack.find((n) => n.code.length === parentLength)?.children.push(info);
      continue;
    }
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (code.length > top.code.length && code.startsWith(top.code)) break;
      finish(stack.pop()!);
    }
    const top = stack[stack.length - 1];
    if (top && (top.code.length === parentLength || !parentLevelExists)) {
      top.children.push(info);
    } else if (code.length > 3 && parentLevelExists) {
      reportOrphan(ck, table, info, code.slice(0, parentLength), stack);
    }
    stack.push({ info, code, children: [] });
  }
  while (stack.length) finish(stack.pop()!);
}

/** Whether an open code is a prefix of the code (a loop: a closure per row cost more than the test). */
function underOpen(stack: Node[], code: string): boolean {
  for (let i = 0; i < stack.length; i++) if (code.length > stack[i].code.length && code.startsWith(stack[i].code)) return true;
  return false;
}

/** `groups[k]`: the FORMULA-CONST group of the k-th amount column, built once per table. */
function checkParent(ck: SheetChecker, table: TableLayout, node: Node, groups: string[]): void {
  const multi = table.amountCols.length > 1;
  for (let k = 0; k < table.amountCols.length; k++) {
    const col = table.amountCols[k];
    ck.sum({
      rule: "CODE-TREE",
      total: { row: node.info.row, col },
      items: node.children.map((c) => ({ row: c.row, col })),
      names: () => {
        const header = columnName(ck.view, table, col);
        return {
          subject: `科目 ${node.code} ${nameOf(ck, table, node.info)}${multi ? `（${header}）` : ""}`.replace(/\s+（/, "（"),
          itemsPhrase: "其下级科目之和",
          anchor: `${node.code}|${header}`,
        };
      },
      group: groups[k],
    });
  }
}

function nameOf(ck: SheetChecker, table: TableLayout, info: RowInfo): string {
  const labels = labelsOf(ck.view);
  for (const c of table.labelCols) {
    const l = labels.label(info.row, c);
    if (l !== "") return l;
  }
  // The name written after the code in the code cell (`2010601行政运行`).
  const own = info.codeAt && info.code ? labels.label(info.row, info.codeAt.col) : "";
  return own.startsWith(info.code ?? "") ? own.slice((info.code ?? "").length) : "";
}

/**
 * The cell to blame for a code that does not fit: for split codes, the first part (类, 款) whose
 * prefix is not an open code above, since a 类 typed on one row of a repeated 类 column is the
 * usual slip; for a one-column code, that column.
 */
function orphanColumn(table: TableLayout, info: RowInfo, open: Node[]): number {
  const parts = info.codeAt?.partCols ?? [];
  if (parts.length <= 1) return info.codeAt?.col ?? table.codeCol!;
  for (let i = 0; i < parts.length; i++) {
    const prefix = info.code!.slice(0, 3 + 2 * i);
    if (!open.some((n) => n.code === prefix)) return parts[i];
  }
  return parts[parts.length - 1];
}

function reportUnreadable(ck: SheetChecker, info: RowInfo): void {
  ck.report.add({
    rule: "CODE-ORPHAN",
    cell: ck.view.address(info.row, info.codeAt!.col),
    anchor: `code:${info.label}`,
    message: info.codeAt!.problem!,
  });
}

function reportOrphan(ck: SheetChecker, table: TableLayout, info: RowInfo, parent: string, open: Node[]): void {
  ck.report.add({
    rule: "CODE-ORPHAN",
    cell: ck.view.address(info.row, orphanColumn(table, info, open)),
    anchor: `code:${info.code}`,
    message: `科目编码 ${info.code} 的上级科目 ${parent} 不在其上方，编码与上级科目不衔接`,
  });
}
