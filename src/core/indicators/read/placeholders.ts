import type { IndicatorBlock, IndicatorRow } from "./blocks";

/**
 * What a blank form leaves behind (docs/domain.md §6): the national form's `指标1`, `指标2` …, the rows
 * marked `…`, `……`, `具体指标`, `*` or a dash, which the writer was to replace by real indicators. A name
 * that goes on after the mark (`指标1:新建堤防长度`) is a real indicator and is judged as one.
 */
const PLACEHOLDER =
  /^(?:(?:指标|目标)[\d一二三四五六七八九十]+[:：.．、]?|[…]+|[.．。·]{3,}|具体指标|[*＊]+|[-—－–]+|[×xX]{2,})$/;

/** Placeholders are short; a real name is tested by its length alone. */
const LONGEST = 12;

/** The first characters a placeholder can start with: one test spares real names the pattern. */
const FIRST = /^[\s\u3000指目….．。·具*＊\-—－–×xX]/;

export function isPlaceholderName(text: string): boolean {
  if (text === "" || text.length > LONGEST || !FIRST.test(text)) return false;
  const t = text.replace(/[\s\u3000]+/g, "");
  return t !== "" && PLACEHOLDER.test(t);
}

/** A row the writer never filled in: a placeholder name (read once, blocks.ts) and no target. */
export function isPlaceholderRow(row: IndicatorRow): boolean {
  return row.placeholder && row.values.every((v) => v.actual || (v.text === "" && !v.error));
}

/** The rows a block really states: not placeholders. Most blocks have none: their rows as they are. */
export function realRows(block: IndicatorBlock): IndicatorRow[] {
  return block.rows.some((r) => r.placeholder) ? block.rows.filter((r) => !isPlaceholderRow(r)) : block.rows;
}

/** Nothing in the block is filled in: every row is a category with no indicator, or a placeholder. */
export function isBlankBlock(block: IndicatorBlock): boolean {
  return block.rows.every(isPlaceholderRow) && block.rows.length + block.unused.length > 0;
}
