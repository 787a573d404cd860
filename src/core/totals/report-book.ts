import { CellRef, cellKey, parseA1 } from "../address";
import { Decimal, convertUnit } from "../amount";
import { CopyEntry, CopyPoint, IdentityBook, SheetPort, SumEntry, TableArea } from "../engine/book";
import { Verdict } from "../engine/confidence";
import { LocatedCulprit, Resolution } from "../engine/resolve";
import { signedDifference } from "../excerpt";
import { SEVERITY_ORDER, appendAll } from "../finding";
import { judgeIdentity } from "../judge";
import { formulaRanges, rangesCover } from "./read/formulas";
import { CheckedTotal, reportFormulaConstants } from "./typed-totals";

/** Places a copy that no culprit explains: cross-table.ts decides which table the finding goes on. */
export type PlaceCopy = (entry: Extract<IdentityBook["entries"][number], { kind: "copy" }>, reported: Reported) => void;

/** Cells a sheet's findings already call broken (a text number or a typed total is still a valid figure). */
export interface Reported {
  has(sheet: SheetPort, a1: string): boolean;
  /** Whether the sheet has any such cell: a table that does not add up on its own. */
  any(sheet: SheetPort): boolean;
}

/**
 * Reports what the identities of a workbook say (src/core/engine/resolve.ts decided it): one
 * finding per located culprit; each failing sum no culprit explains, on its total, under its own
 * rule, as before; the copies through cross-table.ts; and one note per table whose reading is in
 * doubt, with its other findings withdrawn. A cell gets at most one sum finding.
 */
export function reportBook(book: IdentityBook, resolution: Resolution, placeCopy: PlaceCopy): void {
  const culprits = new Map<SheetPort, Set<number>>(book.sheets.map((s) => [s, new Set<number>()]));
  for (const c of resolution.culprits) reportCulprit(book, c, culprits);
  const flagged = new Map<SheetPort, Set<number>>(book.sheets.map((s) => [s, new Set<number>()]));
  // The totals checked, per sheet, for FORMULA-CONST: their entries (an object per total only
  // where the rule can say something), and how many of them are formulas.
  const totals = new Map<SheetPort, { entries: SumEntry[]; formulas: number }>(
    book.sheets.map((s) => [s, { entries: [], formulas: 0 }]),
  );
  // Each total once, by its cell in the book (dense ids: cheaper than a set of keys per sheet).
  const seenTotal = new Uint8Array(book.cellRow.length);
  const record = (e: SumEntry, hasFormula: boolean) => {
    const cell = book.identities[e.identity].total;
    if (seenTotal[cell]) return;
    seenTotal[cell] = 1;
    const checked = totals.get(e.sheet)!;
    checked.entries.push(e);
    if (hasFormula) checked.formulas++;
  };
  let sitsIn: Map<number, number[]> | undefined;
  const confirming = (identity: number) => confirmingIdentities(book, (sitsIn ??= incidence(book)), identity, resolution.dropped);
  // Index loops: this runs once per check, mostly before V8 optimizes it, where `for … of`
  // allocates a result object per entry.
  const entries = book.entries;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.kind !== "sum" || resolution.dropped.has(e.identity)) continue;
    reportSum(book, e, resolution.explained.has(e.identity), confirming, flagged.get(e.sheet)!, culprits.get(e.sheet)!, record);
  }
  for (const sheet of book.sheets) {
    const { entries: checked, formulas } = totals.get(sheet)!;
    // FORMULA-CONST needs two formula totals of one kind: with fewer on the sheet it has nothing to say.
    if (formulas >= 2) reportFormulaConstants(sheet, checked.map(checkedTotal));
  }
  const reported = reportedCells(book);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.kind !== "copy" || resolution.dropped.has(e.identity) || resolution.explained.has(e.identity)) continue;
    if (book.statuses[e.identity] === "exact" || book.statuses[e.identity] === "unreadable") continue;
    placeCopy(e, reported);
  }
  for (const [table, verdict] of resolution.unsure) reportUnsure(book, table, verdict);
}

function checkedTotal(e: SumEntry): CheckedTotal {
  const { row, col } = e.spec.total;
  return { row, col, hasFormula: e.sheet.view.formula(row, col) !== "", group: e.spec.group, names: e.spec.names };
}

function reportedCells(book: IdentityBook): Reported {
  const sets = new Map<SheetPort, Set<string>>();
  for (const s of book.sheets)
    sets.set(
      s,
      new Set(s.report.findings.filter((f) => f.rule !== "CELL-TEXTNUM" && f.rule !== "FORMULA-CONST").map((f) => f.cell)),
    );
  return { has: (sheet, a1) => sets.get(sheet)?.has(a1) ?? false, any: (sheet) => (sets.get(sheet)?.size ?? 0) > 0 };
}

/**
 * A sum as its rule reports it: the total's formula range (FORMULA-OMITS: a formula that leaves
 * out item rows is the cause, a warning) and the identity (exact: nothing; within the band: info;
 * beyond it: the rule's severity, unless a located culprit explains it).
 */
function reportSum(
  book: IdentityBook,
  e: SumEntry,
  explained: boolean,
  confirming: (identity: number) => number[],
  flagged: Set<number>,
  culprits: Set<number>,
  record: (e: SumEntry, hasFormula: boolean) => void,
) {
  const { sheet, spec } = e;
  const r = book.residuals[e.identity];
  if (r === null) return; // the cell rules report what the cell holds
  const { total, items } = spec;
  const formula = sheet.view.formula(total.row, total.col);
  // Nearly every sum: typed, and exact. Nothing to report; FORMULA-CONST counts a total that is
  // filled in (an empty one reads 0, so the items' sum, 0 − r, is zero exactly when r is).
  if (!formula && r.isZero()) {
    if (!spec.skipFormula && !sheet.isEmpty(total.row, total.col)) record(e, false);
    return;
  }
  if (!spec.skipFormula) record(e, formula !== "");
  const key = cellKey(total.row, total.col);
  if (flagged.has(key)) return;
  const omitted = formula && !spec.skipFormula ? omittedItems(sheet, formula, items, spec.slots ?? []) : [];
  // A total left blank over figures that are themselves totals is one the form does not fill in
  // (收入总计 with no 增减额 under a 合计 that has one); over filled items it is a missing figure.
  if (omitted.length === 0 && !formula && sheet.isEmpty(total.row, total.col) && !r.isZero() && overTotals(book, e.identity))
    return;
  // Nearly every total holds: the addresses and message text are left to the totals reported.
  if (omitted.length === 0 && (r.isZero() || culprits.has(key))) return;
  const actual = sheet.value(total.row, total.col)!;
  const expected = actual.minus(r);
  const names = spec.names();
  const judgement = judgeIdentity(
    {
      rule: spec.rule,
      subject: names.subject,
      actual,
      expectedPhrase: names.itemsPhrase,
      expected,
      show: sheet.show(total.row, total.col),
    },
    sheet.ctx.band,
    sheet.unitAt(total.row, total.col),
  );
  const place = {
    cell: sheet.view.address(total.row, total.col),
    related: items.map((i) => sheet.view.address(i.row, i.col)),
    anchor: names.anchor,
  };
  if (omitted.length > 0) {
    const list = omitted.slice(0, 3).join("、") + (omitted.length > 3 ? " 等" : "");
    const tail = judgement ? "，这些单元格的数没有计入合计" : "，以后填入的数不会计入合计";
    // The formula is the cause (a warning in the catalogue); a value that is also wrong is the
    // identity's own finding, reported below with expected and actual.
    sheet.report.add({
      rule: "FORMULA-OMITS",
      ...place,
      message: `${names.subject}的公式 ${formula} 漏掉了明细单元格 ${list}${tail}`,
    });
    flagged.add(key);
  }
  // A culprit's own sum is reported as the culprit's finding (reportCulprit).
  if (!judgement || culprits.has(key) || (explained && !judgement.withinBand)) return;
  // No one culprit, but the total agrees with every other identity it sits in: the error lies among
  // the items (which one, the figures cannot tell), and the message says so rather than blame the
  // total. Items all empty are a missing breakdown, not a wrong item, and a comparison of two
  // totals (收入总计 = 支出总计) has no items to point into: nothing to add.
  const others = judgement.withinBand || expected.isZero() || items.length < 2 ? [] : confirming(e.identity);
  const message = others.length
    ? `${judgement.message}；它与${describe(book, others, book.identities[e.identity].total)}的核对相符，差错应在${names.itemsPhrase.replace(/之和$/, "")}中`
    : judgement.message;
  sheet.report.addJudgement({ ...judgement, message }, place);
  flagged.add(key);
}

/**
 * The other identities a failing sum's total sits in, when all of them hold and say something (a
 * figure other than 0): they confirm the total. Empty when the total sits in none, or in one that fails.
 */
function confirmingIdentities(
  book: IdentityBook,
  sitsIn: Map<number, number[]>,
  identity: number,
  dropped: Set<number>,
): number[] {
  const total = book.identities[identity].total;
  const out: number[] = [];
  for (const i of sitsIn.get(total) ?? []) {
    if (i === identity || dropped.has(i)) continue;
    const status = book.statuses[i];
    if (status === "unreadable" || status === "beyond") return [];
    if (!book.value(total)?.isZero()) out.push(i);
  }
  return out;
}

/** The identities each cell sits in, built once and only where a failing sum is reported. */
function incidence(book: IdentityBook): Map<number, number[]> {
  const out = new Map<number, number[]>();
  book.identities.forEach((id, i) => {
    for (const c of [id.total, ...id.items]) {
      const list = out.get(c);
      if (!list) out.set(c, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return out;
}

/** True when every item of the identity that holds a figure is itself a subtotal: the total of a sum down its column. */
function overTotals(book: IdentityBook, identity: number): boolean {
  const totals = (book.totalCells ??= new Set(
    book.identities.filter((i) => i.items.every((c) => book.cellCol[c] === book.cellCol[i.total])).map((i) => i.total),
  ));
  return book.identities[identity].items.every((c) => book.value(c)?.isZero() !== false || totals.has(c));
}

/** Item cells holding a figure that the total's simple formula does not add. */
function omittedItems(sheet: SheetPort, formula: string, items: CellRef[], slots: CellRef[]): string[] {
  const ranges = formulaRanges(formula);
  if (!ranges || ranges.length === 0) return [];
  // A formula that adds none of these items sums along the other axis (a 合计 cell is both a
  // row and a column total); it is judged by the identity it does implement.
  if (!items.some((i) => rangesCover(ranges, i.row, i.col))) return [];
  const expected = [...items.filter((i) => !sheet.isEmpty(i.row, i.col)), ...slots];
  return expected
    .filter((i) => !rangesCover(ranges, i.row, i.col))
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((i) => sheet.view.address(i.row, i.col));
}

/**
 * One wrong figure, one finding (issue 16, principle 2). A culprit that is the total of a sum it
 * breaks is reported as that sum, as before, with the other identities it breaks as related
 * cells; any other culprit is SUM-CROSS: the cell, the value that makes all its identities hold,
 * and the identities it throws off, which are not reported.
 */
function reportCulprit(book: IdentityBook, c: LocatedCulprit, culprits: Map<SheetPort, Set<number>>): void {
  const sheet = book.cellSheet[c.cell];
  const row = book.cellRow[c.cell];
  const col = book.cellCol[c.cell];
  const actual = sheet.value(row, col)!;
  const expected = actual.plus(c.delta);
  const show = sheet.show(row, col);
  const unit = sheet.unitAt(row, col);
  const inUnit = unit ? `（${unit}）` : "";
  const cell = sheet.view.address(row, col);
  // The first such sum in the book: entries are registered in identity order, so the lowest identity.
  let own: SumEntry | undefined;
  for (const i of c.breaks) {
    const e = book.entryOf(i);
    if (e.kind === "sum" && book.identities[i].total === c.cell && (!own || i < own.identity)) own = e;
  }
  const others = c.breaks.filter((i) => i !== own?.identity);
  const related = [...new Set(others.flatMap((i) => relatedOf(book, i, c.cell)))];
  // Reported as its own sum where its items are not culprits too: then the sum of the items is
  // the value that makes every identity hold (within the band).
  const r = own ? book.residuals[own.identity]! : null;
  if (own && r && r.plus(c.delta).abs().lessThanOrEqualTo(sheet.ctx.band)) {
    const names = own.spec.names();
    const sum = actual.minus(r);
    const judgement = judgeIdentity(
      { rule: own.spec.rule, subject: names.subject, actual, expectedPhrase: names.itemsPhrase, expected: sum, show },
      sheet.ctx.band,
      unit,
    );
    if (!judgement) return;
    const items = own.spec.items.map((i) => sheet.view.address(i.row, i.col));
    const also = others.length ? `；它也使${describe(book, others, c.cell)}不符，这些不另行列出` : "";
    sheet.report.addJudgement(
      { ...judgement, message: judgement.message + also },
      { cell, related: [...new Set([...items, ...related])], items, anchor: names.anchor },
    );
    culprits.get(sheet)!.add(cellKey(row, col));
    return;
  }
  if (own) {
    // Its items are wrong too (a repair of several cells): the value that makes every identity
    // hold is not the sum of today's items, so the sentence gives the identities it comes from.
    const { subject, anchor } = own.spec.names();
    const items = own.spec.items.map((i) => sheet.view.address(i.row, i.col));
    sheet.report.add({
      rule: own.spec.rule,
      cell,
      related: [...new Set([...items, ...related])],
      items,
      anchor,
      message:
        `${subject} ${show(actual)} 有误：按${describe(book, c.breaks, c.cell)}推算应为 ${show(expected)}，` +
        `相差 ${signedDifference(actual.minus(expected), show)}${inUnit}`,
      expected,
      actual,
      unit,
    });
    culprits.get(sheet)!.add(cellKey(row, col));
    return;
  }
  if (c.breaks.every((i) => entryOf(book, i).kind === "copy")) {
    reportCopyCulprit(book, c, culprits);
    return;
  }
  const name = sheet.nameCell(row, col);
  if (c.breaks.length === 1) {
    // An item of one broken sum, where no other cell can make it hold (the sum's total is tied
    // by another identity that holds), or none other with the sheet's decimals: reported under
    // that sum's rule, at the item.
    const e = entryOf(book, c.breaks[0]) as SumEntry;
    const names = e.spec.names();
    sheet.report.add({
      rule: e.spec.rule,
      cell,
      related: relatedOf(book, c.breaks[0], c.cell),
      // An item, not a total: it adds nothing, so no SUM fix is planned (or refused) for it.
      items: [],
      anchor: `${name}|${names.anchor}`,
      message:
        `${name} ${show(actual)} 有误：「${names.subject}」与${names.itemsPhrase}不符，而能使它成立${c.written ? "、又与表中其他数的小数位数一致" : ""}的只有这个数，应为 ${show(expected)}，` +
        `相差 ${signedDifference(actual.minus(expected), show)}${inUnit}`,
      expected,
      actual,
      unit,
    });
    culprits.get(sheet)!.add(cellKey(row, col));
    return;
  }
  // Its row's sum first, then its column's: the two a cell of a grid most often breaks.
  const along = (i: number) => {
    if (book.identities[i].copy) return 2;
    const t = book.identities[i].total;
    const same = book.cellSheet[t] === sheet;
    return same && book.cellRow[t] === row ? 0 : same && book.cellCol[t] === col ? 1 : 2;
  };
  const breaks = [...c.breaks].sort((a, b) => along(a) - along(b));
  const grid = breaks.length === 2 && along(breaks[0]) === 0 && along(breaks[1]) === 1;
  const by = grid
    ? `本行${describe(book, [breaks[0]], c.cell)}和本列${describe(book, [breaks[1]], c.cell)}`
    : describe(book, breaks, c.cell);
  sheet.report.add({
    rule: "SUM-CROSS",
    cell,
    related: [...new Set(breaks.flatMap((i) => relatedOf(book, i, c.cell)))],
    anchor: name,
    message:
      `${name} ${show(actual)} 有误：按${by}推算都应为 ${show(expected)}，` +
      `相差 ${signedDifference(actual.minus(expected), show)}${inUnit}；${grid ? "这两处合计" : "这些核对"}因它而不符，不另行列出`,
    expected,
    actual,
    unit,
  });
  culprits.get(sheet)!.add(cellKey(row, col));
}

/**
 * A copy that disagrees with the tables that repeat the figure, and breaks nothing else: reported
 * under the comparison's own rule (XT-*), at the copy, against the other table's figure.
 */
function reportCopyCulprit(book: IdentityBook, c: LocatedCulprit, culprits: Map<SheetPort, Set<number>>): void {
  const sheet = book.cellSheet[c.cell];
  const row = book.cellRow[c.cell];
  const col = book.cellCol[c.cell];
  const [first, ...rest] = c.breaks.map((i) => entryOf(book, i) as CopyEntry);
  const { spec } = first;
  const mine = onSide(book, spec.preferred, c.cell);
  const here = mine ? spec.preferred : spec.other;
  const there = mine ? spec.other : spec.preferred;
  const actual = sideValue(here);
  const expected = convertUnit(sideValue(there), there.sheet.ctx.unit, sheet.ctx.unit);
  const judgement = judgeIdentity(
    { rule: spec.rule, subject: here.name, actual, expectedPhrase: there.name, expected, show: sheet.show(row, col) },
    sheet.ctx.band,
    sheet.ctx.unit,
  );
  if (!judgement) return;
  const also = rest.length
    ? `；${describe(
        book,
        rest.map((e) => e.identity),
        c.cell,
      )}也与它不符，不另行列出`
    : "";
  const related = [...new Set(c.breaks.flatMap((i) => relatedOf(book, i, c.cell)))];
  sheet.report.addJudgement(
    { ...judgement, message: judgement.message + also },
    { cell: sheet.view.address(row, col), related, anchor: spec.anchor },
  );
  culprits.get(sheet)!.add(cellKey(row, col));
}

function onSide(book: IdentityBook, p: CopyPoint, cell: number): boolean {
  return p.sheet === book.cellSheet[cell] && p.cells.some((x) => x.row === book.cellRow[cell] && x.col === book.cellCol[cell]);
}

function sideValue(p: CopyPoint): Decimal {
  return p.cells.reduce((sum, x) => sum.plus(p.sheet.value(x.row, x.col) ?? 0), new Decimal(0));
}

function entryOf(book: IdentityBook, identity: number) {
  return book.entryOf(identity);
}

/**
 * The cells of the culprit's sheet that a broken identity names besides the culprit: a sum's
 * total (or its items, where the culprit is the total). Another table's copy is named in the message.
 */
function relatedOf(book: IdentityBook, identity: number, culprit: number): string[] {
  const id = book.identities[identity];
  const sheet = book.cellSheet[culprit];
  const cells = id.total === culprit ? id.items : [id.total];
  return cells
    .filter((c) => c !== culprit && book.cellSheet[c] === sheet)
    .map((c) => sheet.view.address(book.cellRow[c], book.cellCol[c]));
}

/**
 * `「本年支出合计」和「支出总表类级科目 208 的合计」`: the identities a culprit breaks, as a message
 * names them: a sum by its total, a copy by the other table's figure.
 */
function describe(book: IdentityBook, identities: number[], culprit?: number): string {
  const names = identities.map((i) => {
    const e = entryOf(book, i);
    if (e.kind === "sum")
      return `「${culprit !== undefined && book.identities[i].total === culprit ? e.spec.names().itemsPhrase : e.spec.names().subject}」`;
    const mine = culprit !== undefined && onSide(book, e.spec.preferred, culprit);
    return `「${mine ? e.spec.other.name : e.spec.preferred.name}」`;
  });
  const shown = names.length > 3 ? [...names.slice(0, 3), `等 ${names.length} 处`] : names;
  return shown.length > 1 ? `${shown.slice(0, -1).join("、")}和${shown[shown.length - 1]}` : shown[0];
}

/**
 * Quiet when unsure (issue 16, principle 3): one note on a table whose reading its figures do not
 * confirm, and no warning or error on its cells but an error value, which is wrong in any reading.
 */
function reportUnsure(book: IdentityBook, table: TableArea, verdict: Verdict): void {
  const sheet = book.sheets.find((s) => book.tables.get(s)?.includes(table));
  if (!sheet) return;
  const inside = (a1: string) => {
    const p = parseA1(a1);
    return p !== null && p.row >= table.headerTop && p.row <= table.lastRow && p.col >= table.firstCol && p.col <= table.lastCol;
  };
  const kept = sheet.report.findings.filter(
    (f) => SEVERITY_ORDER[f.severity] === SEVERITY_ORDER.info || f.rule === "CELL-ERROR" || !inside(f.cell),
  );
  sheet.report.findings.length = 0;
  appendAll(sheet.report.findings, kept);
  const failing = verdict.informative - verdict.holding;
  sheet.report.add({
    rule: "TABLE-UNSURE",
    cell: sheet.view.address(table.headerTop, table.firstCol),
    anchor: `表格结构|${table.anchor}`,
    message: `未能确认表格结构，合计未核对：按表头读出的 ${verdict.informative} 处合计关系中有 ${failing} 处不成立，可能是本工具未能正确识别这张表的格式`,
  });
}

export { Decimal };
