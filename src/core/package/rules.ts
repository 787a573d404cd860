import { quoted } from "../excerpt";
import { Reporter } from "../reporter";
import { SheetView } from "../snapshot";
import { emptinessOf } from "./emptiness";
import { Stated } from "./meta";
import { FoundTable, PACKAGE_TABLES, PackageKind, TEMPLATE_TITLES } from "./tables";

/** A package table as the rules read it: the sheet, what it is, what it states and where its findings go. */
export interface TableSheet {
  view: SheetView;
  found: FoundTable;
  year: Stated<number> | null;
  org: Stated<string> | null;
  report: Reporter;
}

const titleCell = (t: TableSheet) => t.view.address(t.found.title.row, t.found.title.col);

/** PKG-MISSING-TABLE: each table of the kind the workbook lacks, said at the first table's title. */
export function checkMissingTables(kind: PackageKind, tables: readonly TableSheet[]): void {
  const first = tables[0];
  const have = new Set(tables.map((t) => t.found.table));
  const missing = PACKAGE_TABLES.filter((t) => !have.has(t));
  for (const table of missing)
    first.report.add({
      rule: "PKG-MISSING-TABLE",
      cell: titleCell(first),
      anchor: `missing|${table}`,
      message: `这套${kind}公开表缺少「${TEMPLATE_TITLES[kind][table]}」（应有 ${PACKAGE_TABLES.length} 张，找到 ${have.size} 张）；没有数据的表也应公开，并注明“本单位无…，故本表为空表”`,
    });
}

/** PKG-EMPTY-NO-NOTE and PKG-NOTE-NOT-EMPTY: an empty table says why, and a note that says so is true. */
export function checkEmptyTables(tables: readonly TableSheet[]): void {
  for (const t of tables) {
    const e = emptinessOf(t.view);
    if (!e.readable) continue;
    if (!e.hasAmounts && !e.note)
      t.report.add({
        rule: "PKG-EMPTY-NO-NOTE",
        cell: titleCell(t),
        anchor: "empty",
        message: `${quoted(t.found.title.text)} 没有任何金额（全为空白或 0），也没有说明原因；请在表下注明，例如“本单位无政府性基金预算财政拨款支出，故本表为空表”`,
      });
    if (e.hasAmounts && e.note?.namesTable)
      t.report.add({
        rule: "PKG-NOTE-NOT-EMPTY",
        cell: t.view.address(e.note.row, e.note.col),
        anchor: "note",
        message: `注释 ${quoted(e.note.value)} 说本表为空，但表中有金额：请核对是注释过时，还是金额填错了表`,
      });
  }
}

/** PKG-YEAR (a title's year is not the package's) and PKG-YEAR-MISSING (a title with no year), at the title cell. */
export function checkYears(year: number | null, tables: readonly TableSheet[]): void {
  if (year === null) {
    const first = tables[0];
    first.report.add({
      rule: "PKG-YEAR-MISSING",
      cell: titleCell(first),
      anchor: "year|all",
      message: "各表的标题和表头都没有注明年度（如“2025年”或“预算年度：2025”），读者无从判断是哪一年的数",
    });
    return;
  }
  for (const t of tables) {
    if (t.year === null)
      t.report.add({
        rule: "PKG-YEAR-MISSING",
        cell: titleCell(t),
        anchor: "year",
        message: `${quoted(t.found.title.text)} 没有注明年度，而其他表注明的是 ${year} 年`,
      });
    else if (t.year.value !== year)
      t.report.add({
        rule: "PKG-YEAR",
        cell: titleCell(t),
        anchor: "year",
        message: `本表注明的年度是 ${t.year.value} 年，而这套表的其他表多为 ${year} 年：多半是沿用了往年的表头`,
      });
  }
}

/** PKG-ORG: a table whose 编制单位 differs from the one most tables name, at the cell that names it. */
export function checkOrgs(org: string | null, tables: readonly TableSheet[]): void {
  if (org === null) return;
  for (const t of tables) {
    if (!t.org || t.org.value === org) continue;
    t.report.add({
      rule: "PKG-ORG",
      cell: t.view.address(t.org.row, t.org.col),
      anchor: "org",
      message: `本表的编制单位是 ${quoted(t.org.value)}，而其他表是 ${quoted(org)}：请核对是否放错了单位的表`,
    });
  }
}
