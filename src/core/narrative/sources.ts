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
  // Counted first: a table (more than a tenth of its cells figures) is let go before its text
  // cells are collected, and nearly every sheet is a table.
  let figures = 0;
  let count = 0;
  for (const r of view.rows())
    for (const c of view.cols()) {
      const v = view.value(r, c);
      if (typeof v === "number") figures++;
      else if (isText(v)) count++;
    }
  if (count === 0 || figures > Math.max(2, count / 10)) return null;
  const texts: { row: number; col: number; text: string }[] = [];
  for (const r of view.rows())
    for (const c of view.cols()) {
      const v = view.value(r, c);
      if (isText(v)) texts.push({ row: r, col: c, text: v });
    }
  // A table that happens to be called 说明 holds figures; a 说明 holds sentences.
  const named = NAMED.test(view.name) && !NOT_NARRATIVE.test(view.name) && figures <= Math.max(2, texts.length / 10);
  if (!named && !oneTextColumn(texts, figures)) return null;
  return { sheet: view.name, lines: texts.map((t) => ({ text: t.text, cell: view.address(t.row, t.col) })) };
}

function isText(v: unknown): v is string {
  return typeof v === "string" && v.trim().length >= 2;
}

function oneTextColumn(texts: { col: number; text: string }[], figures: number): boolean {
  const long = texts.filter((t) => t.text.length >= LONG);
  if (long.length < 2 || figures > texts.length / 10) return false;
  const byCol = new Map<number, number>();
  for (const t of texts) byCol.set(t.col, (byCol.get(t.col) ?? 0) + 1);
  return Math.max(...byCol.values()) >= texts.length * 0.8 && /万元|亿元|元/.test(long.map((t) => t.text).join(""));
}
