import fc from "fast-check";
import { readFileSync, readdirSync, statSync } from "fs";
import path from "path";
import { RectRef, columnIndex, columnLetters } from "../../src/core/address";
import { checkWorkbook } from "../../src/core/check";
import { KEPT_GAP, OccupiedCell, compactSheet } from "../../src/core/compact-sheet";
import { Finding } from "../../src/core/finding";
import { SheetSnapshot, SheetView } from "../../src/core/snapshot";
import { readWorkbookBytes } from "../../src/xlsx/read";

/**
 * Collapsing long empty runs (compact-sheet.ts) is a storage detail: rules see sheet rows and
 * columns, so a sheet with a long empty gap gets the findings it would get without the collapse,
 * every row and column number after the gap moved by the gap's length. Gaps are inserted at the
 * snapshot level: the cells a reader would list, moved, and built through compactSheet.
 */

interface Sheet {
  name: string;
  cells: OccupiedCell[];
  merges: RectRef[];
}

/** `size` empty rows (or columns) inserted before sheet row (column) `at`. */
interface Gap {
  at: number;
  size: number;
}

interface Placed {
  sheet: Sheet;
  rows: Gap | null;
  cols: Gap | null;
}

const root = path.join(__dirname, "..", "fixtures");
const SHEET_ROWS = 1_048_576;
const SHEET_COLS = 16_384;

function workbooks(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return workbooks(p);
    return name.endsWith(".xlsx") ? [p] : [];
  });
}

/** The cells a reader would list for a snapshot: every cell that holds or shows something. */
function occupied(snapshot: SheetSnapshot): Sheet {
  const view = new SheetView(snapshot);
  const cells: OccupiedCell[] = [];
  for (const row of view.rows())
    for (const col of view.cols()) {
      const cell = {
        row,
        col,
        value: view.value(row, col),
        text: view.text(row, col),
        formula: view.formula(row, col),
        numberFormat: view.numberFormat(row, col),
      };
      if (cell.value !== null || cell.text !== "" || cell.formula !== "" || cell.numberFormat !== "General") cells.push(cell);
    }
  return { name: snapshot.name, cells, merges: snapshot.merges };
}

function build({ sheet, rows, cols }: Placed): SheetSnapshot {
  const moved: Sheet = {
    name: sheet.name,
    // References move with the cells, as when rows are inserted in Excel.
    cells: sheet.cells.map((c) => ({
      ...c,
      row: after(c.row, rows),
      col: after(c.col, cols),
      formula: shiftText(c.formula, rows, cols),
    })),
    merges: sheet.merges.map((m) => ({
      top: after(m.top, rows),
      bottom: after(m.bottom, rows),
      left: after(m.left, cols),
      right: after(m.right, cols),
    })),
  };
  const result = compactSheet(moved.name, moved.cells, moved.merges);
  if (!("snapshot" in result)) throw new Error(`${sheet.name}: too large`);
  return result.snapshot;
}

const after = (i: number, gap: Gap | null) => (gap && i >= gap.at ? i + gap.size : i);

/** Every row and column number a text states, moved by the gaps: A1 addresses, 第 N 行, X列. */
function shiftText(text: string, rows: Gap | null, cols: Gap | null): string {
  return text
    .replace(
      /(?<![A-Za-z0-9])(\$?)([A-Z]{1,3})(\$?)([1-9]\d*)(?![0-9])/g,
      (_m, d1: string, letters: string, d2: string, n: string) => {
        const col = after(columnIndex(letters), cols);
        return `${d1}${columnLetters(col)}${d2}${after(Number(n) - 1, rows) + 1}`;
      },
    )
    .replace(/第(\s*)(\d+)(\s*)行/g, (_m, s1: string, n: string, s2: string) => `第${s1}${after(Number(n) - 1, rows) + 1}${s2}行`)
    .replace(/(?<![A-Za-z0-9])([A-Z]{1,3})列/g, (_m, letters: string) => `${columnLetters(after(columnIndex(letters), cols))}列`);
}

const located = (findings: Finding[]) =>
  findings.map((f) => ({
    sheet: f.sheet,
    rule: f.rule,
    severity: f.severity,
    cell: f.cell,
    related: f.related,
    message: f.message,
  }));

/** The findings of `base`, every number moved by the gaps of its sheet in `by`. */
function shifted(base: Finding[], by: Placed[]): ReturnType<typeof located> {
  const gaps = new Map(by.map((p) => [p.sheet.name, p]));
  return located(base).map((f) => {
    const { rows, cols } = gaps.get(f.sheet) ?? { rows: null, cols: null };
    return {
      ...f,
      cell: shiftText(f.cell, rows, cols),
      related: f.related.map((a) => shiftText(a, rows, cols)),
      message: shiftText(f.message, rows, cols),
    };
  });
}

/**
 * A gap of more than KEPT_GAP before one of `places`, never splitting a merged area; null when
 * there is no place. Inside the content, so it is collapsed.
 */
function gapAt(sheet: Sheet, axis: "row" | "col", places: number[], pick: number, size: number): Gap | null {
  const splits = (m: RectRef, i: number) => (axis === "row" ? m.top < i && i <= m.bottom : m.left < i && i <= m.right);
  const free = places.filter((i) => !sheet.merges.some((m) => splits(m, i)));
  if (free.length === 0) return null;
  const last = Math.max(...sheet.cells.map((c) => c[axis]));
  const room = (axis === "row" ? SHEET_ROWS : SHEET_COLS) - 1 - last - KEPT_GAP;
  return { at: free[pick % free.length], size: KEPT_GAP + 1 + (size % room) };
}

/** Every row or column after the first that holds something: a gap before it falls inside the content. */
function inside(sheet: Sheet, axis: "row" | "col"): number[] {
  const at = [...new Set(sheet.cells.map((c) => c[axis]))].sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = at[0] + 1; i <= at[at.length - 1]; i++) out.push(i);
  return out;
}

/** How many empty rows (columns) the sheet has around index `at`, as compactSheet counts them. */
function emptyAround(sheet: Sheet, axis: "row" | "col", at: number): number {
  const used = [
    ...sheet.cells.map((c) => c[axis]),
    ...sheet.merges.flatMap((m) => (axis === "row" ? [m.top, m.bottom] : [m.left, m.right])),
  ];
  const before = Math.max(...used.filter((i) => i < at));
  const next = Math.min(...used.filter((i) => i >= at));
  return next - before - 1;
}

/** Rows right below an empty row: a gap there lengthens a blank run the sheet already has. */
function belowBlank(sheet: Sheet): number[] {
  const filled = new Set(sheet.cells.filter((c) => c.text.trim() !== "" || c.formula !== "").map((c) => c.row));
  return inside(sheet, "row").filter((r) => !filled.has(r - 1) && filled.has(r));
}

const files = workbooks(root);
const fixtures: { file: string; sheets: Sheet[] }[] = [];

beforeAll(async () => {
  for (const file of files) {
    const read = await readWorkbookBytes(new Uint8Array(readFileSync(file)), path.basename(file));
    fixtures.push({ file: path.relative(root, file), sheets: read.snapshots.map(occupied).filter((s) => s.cells.length > 0) });
  }
});

const gapsArb = fc.array(fc.record({ row: fc.nat(), rowSize: fc.nat(), col: fc.nat(), colSize: fc.nat(), cols: fc.boolean() }), {
  minLength: 1,
  maxLength: 12,
});

test("every committed fixture is in the test", () => {
  expect(files.length).toBeGreaterThan(15);
  expect(files.some((f) => f.includes(`${path.sep}planted${path.sep}`))).toBe(true);
});

test("a long gap anywhere reads as the same gap cut to what nothing collapses, every number after it moved", () => {
  // The reference keeps KEPT_GAP empty rows where the gap is: the sheet as read without any
  // collapsing. Blank rows the sheet did not have can change its reading (a gap between a header
  // and its 栏次 row, or between the months of a 资金支出计划 and their amounts), collapsed or not.
  fc.assert(
    fc.property(fc.nat(), gapsArb, (pick, gaps) => {
      const { sheets } = fixtures[pick % fixtures.length];
      const placed: Placed[] = sheets.map((sheet, i) => {
        const g = gaps[i % gaps.length];
        const rows = gapAt(sheet, "row", inside(sheet, "row"), g.row, g.rowSize);
        const cols = g.cols ? gapAt(sheet, "col", inside(sheet, "col"), g.col, g.colSize) : null;
        return { sheet, rows, cols };
      });
      // With the empty rows already there, the reference's run is KEPT_GAP long: the longest kept whole.
      const cut = (p: Placed, axis: "row" | "col"): Gap | null => {
        const g = axis === "row" ? p.rows : p.cols;
        return g && { at: g.at, size: KEPT_GAP - emptyAround(p.sheet, axis, g.at) };
      };
      const rest = (g: Gap | null, short: Gap | null): Gap | null =>
        g && short && { at: g.at + short.size, size: g.size - short.size };
      const cuts = placed.map((p) => ({ sheet: p.sheet, rows: cut(p, "row"), cols: cut(p, "col") }));
      const reference = cuts.map(build);
      const gapped = placed.map(build);
      reference.forEach((s) => expect(s.sheetRows ?? s.sheetCols).toBeUndefined());
      placed.forEach((p, i) => expect(p.rows === null || gapped[i].sheetRows !== undefined).toBe(true));
      expect(located(checkWorkbook(gapped).findings)).toEqual(
        shifted(
          checkWorkbook(reference).findings,
          placed.map((p, i) => ({ sheet: p.sheet, rows: rest(p.rows, cuts[i].rows), cols: rest(p.cols, cuts[i].cols) })),
        ),
      );
    }),
    { numRuns: 30, seed: 20260417 },
  );
});

test("a long gap that lengthens a blank run gives the gap-free sheet's findings, every number after it moved", () => {
  const plain = new Map<string, Finding[]>();
  let runs = 0;
  fc.assert(
    fc.property(fc.nat(), gapsArb, (pick, gaps) => {
      const { file, sheets } = fixtures[pick % fixtures.length];
      const placed: Placed[] = sheets.map((sheet, i) => {
        const g = gaps[i % gaps.length];
        return { sheet, rows: gapAt(sheet, "row", belowBlank(sheet), g.row, g.rowSize), cols: null };
      });
      if (placed.every((p) => p.rows === null)) return;
      runs++;
      const before = plain.get(file) ?? checkWorkbook(sheets.map((sheet) => build({ sheet, rows: null, cols: null }))).findings;
      plain.set(file, before);
      expect(located(checkWorkbook(placed.map(build)).findings)).toEqual(shifted(before, placed));
    }),
    { numRuns: 30, seed: 20260417 },
  );
  expect(runs).toBeGreaterThan(5);
});

test("a duplicate indicator after a collapsed gap names its own rows (C34 and C35 are 第 34 行与第 35 行)", () => {
  const text = (row: number, col: number, value: string): OccupiedCell => ({
    row,
    col,
    value,
    text: value,
    formula: "",
    numberFormat: "General",
  });
  const block = [
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "培训人数", "≥100人"],
    ["", "质量指标", "培训合格率", "≥95%"],
    ["", "时效指标", "完成时间", "12月底前"],
    ["", "时效指标", "完成时间", "12月底前"],
    ["效益指标", "社会效益指标", "群众健康素养", "显著提高"],
    ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%"],
  ];
  // A note in A1, then 29 empty rows (collapsed to KEPT_GAP), then the table from row 31.
  const cells = [
    text(0, 0, "说明：本表为示例"),
    ...block.flatMap((row, r) => row.flatMap((v, c) => (v ? [text(30 + r, c, v)] : []))),
  ];
  const result = compactSheet("项目绩效目标表", cells, []);
  if (!("snapshot" in result)) throw new Error("expected a snapshot");
  expect(result.snapshot.sheetRows).toBeDefined();
  const duplicate = checkWorkbook([result.snapshot]).findings.filter((f) => f.rule === "IND-DUPLICATE");
  expect(duplicate.map((f) => [f.cell, f.related])).toEqual([["D35", ["C35", "C34"]]]);
  // Before rules read sheet rows, the message gave the collapsed grid's rows: 第 15 行与第 16 行.
  expect(duplicate[0].message).toContain("（第 34 行与第 35 行）");
});
