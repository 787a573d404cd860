import { SheetView } from "../snapshot";
import { NarrativeLine } from "./parse";

/** A 说明 given beside the workbook: pasted into the pane or the page, or read from a file. */
export interface NarrativeText {
  /** What findings name as their sheet: 「核对说明文字」 for pasted text, the file's name for a file. */
  name: string;
  text: string;
}

/** What the pane and the page call the text pasted into their 「核对说明文字」 box. */
export const PASTED_NARRATIVE = "核对说明文字";

/** A 说明 to check: where its findings go, and its lines. */
export interface Narrative {
  sheet: string;
  lines: NarrativeLine[];
}

/** Lines of text given beside the workbook: line n is cell A{n}, so findings sort and mark by line. */
export function narrativeFromText(t: NarrativeText): Narrative {
  const lines: NarrativeLine[] = [];
  t.text.split(/\r\n|\r|\n/).forEach((text, i) => {
    if (text.trim()) lines.push({ text, cell: `A${i + 1}`, line: i + 1 });
  });
  return { sheet: t.name, lines };
}

const NAMED = /说明/;
/** Sheets named 说明 that are not a 说明 of the package: instructions for filling a form in. */
const NOT_NARRATIVE = /填表|填报|指标|绩效|名词/;
const LONG = 30;

/**
 * A sheet that holds a 说明 (issue 20): named 说明, 情况说明, 编制说明 …, or one long text column
 * (most of its filled cells in one column, long sentences, few figures). Its lines are its text
 * cells in reading order.
 */
export function narrativeFromSheet(view: SheetView): Narrative | null {
  // Decided on counts first, so that a table (nearly every sheet) allocates nothing here.
  let figures = 0;
  let texts = 0;
  let long = 0;
  let longYuan = false;
  const rows = view.rows();
  const cols = view.cols();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let j = 0; j < cols.length; j++) {
      const v = view.value(r, cols[j]);
      if (typeof v === "number") figures++;
      else if (isText(v)) {
        texts++;
        if (v.length >= LONG) {
          long++;
          if (YUAN.test(v)) longYuan = true;
        }
      }
    }
    // Either reading below needs figures ≤ max(2, texts / 10); once that fails even if every cell
    // left were text, the sheet is a table: a table stops after its first rows, not its last.
    const left = (rows.length - i - 1) * cols.length;
    if (figures > Math.max(2, (texts + left) / 10)) return null;
  }
  if (texts === 0) return null;
  // A table that happens to be called 说明 holds figures; a 说明 holds sentences.
  const named = NAMED.test(view.name) && !NOT_NARRATIVE.test(view.name) && figures <= Math.max(2, texts / 10);
  // Or one long text column: most of its text in one column, sentences that name amounts, few figures.
  const oneTextColumn = long >= 2 && longYuan && figures <= texts / 10 && mostInOneColumn(view, texts * 0.8);
  if (!named && !oneTextColumn) return null;
  const lines: NarrativeLine[] = [];
  for (const r of view.rows())
    for (const c of view.cols()) {
      const v = view.value(r, c);
      if (isText(v)) lines.push({ text: v, cell: view.address(r, c) });
    }
  return { sheet: view.name, lines };
}

const YUAN = /万元|亿元|元/;

/**
 * The 说明 written inside a table (沅陵县's 三公 table ends with a merged 增减情况说明 row): the sheet's
 * long text cells that name amounts, each read as a 说明 of its own beside the tables' figures (the
 * notes of several projects on one form are not one text: their figures are never compared with each
 * other). None on nearly every table; a 注 that names no amount is not read.
 */
export function notesFromSheet(view: SheetView): Narrative[] {
  const notes: Narrative[] = [];
  for (const c of view.textCells((t) => t.length >= LONG && YUAN.test(t)))
    notes.push({ sheet: view.name, lines: [{ text: c.text, cell: view.address(c.row, c.col) }] });
  return notes;
}

/** Whether some column holds at least `least` of the sheet's text cells. */
function mostInOneColumn(view: SheetView, least: number): boolean {
  for (const c of view.cols()) {
    let n = 0;
    for (const r of view.rows()) if (isText(view.value(r, c))) n++;
    if (n >= least) return true;
  }
  return false;
}

function isText(v: unknown): v is string {
  return typeof v === "string" && v.trim().length >= 2;
}
