import { RectRef, parseRange, toA1 } from "../core/address";
import { CellValue, SheetSnapshot } from "../core/snapshot";
import { CheckScope, GatewayProblem, ReadResult } from "./gateway";
import { API, ExcelHost, OfficeHost, supports } from "./host";
import { describe, gatewayError } from "./messages";

/** Excel refuses to read more than this many cells at once: a used range beyond it is not read. */
export const MAX_READ_CELLS = 5_000_000;

/**
 * A sheet with more cells holding content (a value or a formula) than this is not checked, the same
 * limit as the command line's; it is named in a note and the other sheets are checked.
 */
export const MAX_CONTENT_CELLS = 2_000_000;

/**
 * Estimated response size of one cell across the five arrays we load (values, formulas, text,
 * numberFormat, valueTypes), JSON-encoded. A number cell costs about 55 bytes
 * ("1850.2", "=SUM(B2:B9)", "1,850.20", "#,##0.00", "Double" plus quotes and commas), a ten-character
 * Chinese label about 115 (3 UTF-8 bytes a character, three times), an empty cell about 27.
 * 120 is a safe average for budget tables; a sheet of longer text is caught by the retry below.
 */
export const BYTES_PER_CELL = 120;

/** Excel on the web refuses a response over 5 MB; keep each sync's reads well under it. */
export const RESPONSE_BUDGET_BYTES = 4_000_000;

export interface SheetDims {
  name: string;
  used: RectRef | null;
}

interface Block {
  sheet: string;
  rect: RectRef;
}

/** Reads in a constant number of syncs: (1) the sheet list, (2) used ranges, (3) all blocks and merges. */
export async function readSheets(
  excel: ExcelHost,
  office: OfficeHost,
  scope: CheckScope,
  onProgress?: (done: number, total: number, sheet: string) => void,
): Promise<ReadResult> {
  try {
    return await excel.run(async (context) => {
      const { names, hidden } = await listSheets(context, scope);
      const dims = await usedRanges(context, names);
      const problems: GatewayProblem[] = [];
      if (hidden.length)
        problems.push({
          code: "HiddenSheetSkipped",
          message: describe("HiddenSheetSkipped", "read", undefined, hidden.join("、")),
        });
      const { readable, oversize } = splitBySize(dims);
      let counts = () => new Map<string, number>();
      const withMerges = supports(office, API.mergedAreas);
      // Progress per sync: a big workbook read in several syncs moves the bar as each one lands.
      const read = await readBlocks(
        context,
        readable,
        withMerges,
        RESPONSE_BUDGET_BYTES,
        onProgress,
        () => (counts = queueContentCounts(context, office, oversize)),
      );
      if (oversize.length && readable.every((d) => !d.used)) await context.sync();
      const known = counts();
      problems.push(...oversize.map((d) => tooLargeProblem(d, known.get(d.name))));
      const snapshots = withinContentLimit(read, problems);
      return { snapshots, problems };
    });
  } catch (error) {
    throw gatewayError(error, "read");
  }
}

function rectCells(d: SheetDims): number {
  return d.used ? (d.used.bottom - d.used.top + 1) * (d.used.right - d.used.left + 1) : 0;
}

/** Splits the sheets into those read as they are and those whose used range is too large to read. */
export function splitBySize(dims: SheetDims[]): { readable: SheetDims[]; oversize: SheetDims[] } {
  return {
    readable: dims.filter((d) => rectCells(d) <= MAX_READ_CELLS),
    oversize: dims.filter((d) => rectCells(d) > MAX_READ_CELLS),
  };
}

/**
 * Queues, for each oversize sheet, the count of its cells with content (getSpecialCells, ExcelApi
 * 1.9), so the note can say how many there are; it rides along with a sync the read makes anyway.
 */
export function queueContentCounts(
  context: Excel.RequestContext,
  office: OfficeHost,
  oversize: SheetDims[],
): () => Map<string, number> {
  if (!oversize.length || !supports(office, API.rangeAreas)) return () => new Map();
  const proxies = oversize.map((d) => {
    const range = context.workbook.worksheets.getItem(d.name).getRange(rangeAddress(d.used!));
    return {
      name: d.name,
      parts: ["Constants", "Formulas"].map((kind) =>
        range.getSpecialCellsOrNullObject(kind as Excel.SpecialCellType).load("cellCount"),
      ),
    };
  });
  return () => new Map(proxies.map((p) => [p.name, p.parts.reduce((n, r) => n + (r.isNullObject ? 0 : r.cellCount), 0)]));
}

/** The Chinese note for a sheet not checked because of its size. */
export function tooLargeProblem(d: SheetDims, contentCells: number | undefined): GatewayProblem {
  const rect = rectCells(d);
  const message =
    contentCells !== undefined && contentCells <= MAX_CONTENT_CELLS
      ? `工作表“${d.name}”有内容的单元格只有 ${contentCells.toLocaleString("en-US")} 个，但分布在 ${rect.toLocaleString("en-US")} 个单元格的区域里（远处有零星内容），超出加载项一次能读取的 500 万个单元格，未检查。请删除远处多余的内容（按 Ctrl+End 可找到），保存后重新检查；其他工作表照常检查。`
      : `工作表“${d.name}”${contentCells !== undefined ? `有内容的单元格有 ${contentCells.toLocaleString("en-US")} 个` : `的已用区域有 ${rect.toLocaleString("en-US")} 个单元格`}，超过可检查的上限（有内容的单元格 ${MAX_CONTENT_CELLS.toLocaleString("en-US")} 个），未检查。请拆分表格后重试；其他工作表照常检查。`;
  return { sheet: d.name, code: "SheetTooLarge", message };
}

/** Cells that hold a value or a formula. */
export function contentCells(s: SheetSnapshot): number {
  let n = 0;
  s.values.forEach((row, r) => row.forEach((v, c) => (v !== null || s.formulas[r][c] ? n++ : 0)));
  return n;
}

/** Drops snapshots with more content than the limit, naming each in `problems`. */
export function withinContentLimit(
  snapshots: SheetSnapshot[],
  problems: GatewayProblem[],
  limit = MAX_CONTENT_CELLS,
): SheetSnapshot[] {
  return snapshots.filter((s) => {
    const n = contentCells(s);
    if (n <= limit) return true;
    problems.push({
      sheet: s.name,
      code: "SheetTooLarge",
      message: `工作表“${s.name}”有内容的单元格有 ${n.toLocaleString("en-US")} 个，超过可检查的上限（有内容的单元格 ${limit.toLocaleString("en-US")} 个），未检查。请拆分表格后重试；其他工作表照常检查。`,
    });
    return false;
  });
}

export async function listSheets(
  context: Excel.RequestContext,
  scope: CheckScope,
): Promise<{ names: string[]; hidden: string[] }> {
  if (scope === "active") {
    const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
    await context.sync();
    return { names: [sheet.name], hidden: [] };
  }
  const sheets = context.workbook.worksheets.load("items/name,items/visibility");
  await context.sync();
  // Hidden sheets cannot be shown or navigated to, so they are not checked; the user is told which.
  const visible = (s: Excel.Worksheet) => s.visibility === "Visible";
  const items = scope === "all" ? sheets.items : sheets.items.filter((s) => scope.sheets.includes(s.name));
  return { names: items.filter(visible).map((s) => s.name), hidden: items.filter((s) => !visible(s)).map((s) => s.name) };
}

export async function usedRanges(context: Excel.RequestContext, names: string[]): Promise<SheetDims[]> {
  const ranges = names.map((name) =>
    // valuesOnly: formatting that runs down whole columns must not inflate the read.
    context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
  );
  await context.sync();
  return names.map((name, i) => {
    const r = ranges[i];
    return {
      name,
      used: r.isNullObject
        ? null
        : { top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 },
    };
  });
}

/** Row blocks no bigger than the budget; a sheet too wide for one row per block still gets one row. */
export function planBlocks(dims: SheetDims[], budgetBytes: number): Block[] {
  const blocks: Block[] = [];
  for (const d of dims) {
    if (!d.used) continue;
    const cols = d.used.right - d.used.left + 1;
    const rows = Math.max(1, Math.floor(budgetBytes / (cols * BYTES_PER_CELL)));
    for (let top = d.used.top; top <= d.used.bottom; top += rows) {
      blocks.push({ sheet: d.name, rect: { ...d.used, top, bottom: Math.min(d.used.bottom, top + rows - 1) } });
    }
  }
  return blocks;
}

/** Groups blocks into syncs whose estimated responses fit the budget. */
export function packBatches(blocks: Block[], budgetBytes: number): Block[][] {
  const batches: Block[][] = [];
  let current: Block[] = [];
  let bytes = 0;
  for (const b of blocks) {
    const cost = (b.rect.bottom - b.rect.top + 1) * (b.rect.right - b.rect.left + 1) * BYTES_PER_CELL;
    if (current.length && bytes + cost > budgetBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(b);
    bytes += cost;
  }
  if (current.length) batches.push(current);
  return batches;
}

interface BlockData {
  values: CellValue[][];
  formulas: unknown[][];
  text: string[][];
  numberFormat: string[][];
  valueTypes: string[][];
}

export async function readBlocks(
  context: Excel.RequestContext,
  dims: SheetDims[],
  withMerges: boolean,
  budget: number,
  onProgress?: (done: number, total: number, sheet: string) => void,
  /** Queues other loads to send with the first batch (again if that batch is retried smaller). */
  rideAlong?: () => void,
): Promise<SheetSnapshot[]> {
  const data = new Map<Block, BlockData>();
  const merges = new Map<string, RectRef[]>();
  const queueMerges = () => {
    rideAlong?.();
    return withMerges
      ? dims
          .filter((d) => d.used)
          .map((d) => ({
            name: d.name,
            areas: context.workbook.worksheets
              .getItem(d.name)
              .getRange(rangeAddress(d.used!))
              .getMergedAreasOrNullObject()
              .load("address"),
          }))
      : [];
  };
  // Merges ride along with the first batch of blocks, so they cost no sync of their own.
  let mergeProxies = queueMerges();
  let pending = packBatches(planBlocks(dims, budget), budget);
  let first = true;
  const reported = new Set<string>();
  // Progress counts sheets, as the pane says (n/m 张表): a sheet is done when no block of it is pending.
  const report = () => {
    for (const d of dims) {
      if (reported.has(d.name) || pending.some((batch) => batch.some((b) => b.sheet === d.name))) continue;
      reported.add(d.name);
      onProgress?.(reported.size, dims.length, d.name);
    }
  };
  while (pending.length) {
    const batch = pending.shift()!;
    const proxies = batch.map((b) =>
      context.workbook.worksheets
        .getItem(b.sheet)
        .getRange(rangeAddress(b.rect))
        .load("values,formulas,text,numberFormat,valueTypes"),
    );
    try {
      await context.sync();
    } catch (error) {
      // Our estimate was too low for this sheet's text: re-read these rows in smaller blocks.
      if ((error as { code?: string }).code !== "ResponsePayloadSizeLimitExceeded" || budget < 1000) throw error;
      budget = Math.floor(budget / 2);
      const names = new Set(batch.map((b) => b.sheet));
      const again = dims
        .filter((d) => names.has(d.name))
        .map((d) => ({ name: d.name, used: coverOf(batch.filter((b) => b.sheet === d.name)) }));
      pending = [...packBatches(planBlocks(again, budget), budget), ...pending];
      if (first) mergeProxies = queueMerges();
      continue;
    }
    if (first) {
      for (const m of mergeProxies) merges.set(m.name, m.areas.isNullObject ? [] : parseAreas(m.areas.address));
      first = false;
    }
    batch.forEach((b, i) => data.set(b, proxies[i] as unknown as BlockData));
    report();
  }
  report();
  return dims.map((d) =>
    assemble(
      d,
      [...data].filter(([b]) => b.sheet === d.name),
      merges.get(d.name) ?? [],
    ),
  );
}

function coverOf(blocks: Block[]): RectRef {
  return blocks.reduce(
    (a, b) => ({ top: Math.min(a.top, b.rect.top), left: a.left, bottom: Math.max(a.bottom, b.rect.bottom), right: a.right }),
    { ...blocks[0].rect },
  );
}

function assemble(d: SheetDims, blocks: [Block, BlockData][], merges: RectRef[]): SheetSnapshot {
  const snapshot: SheetSnapshot = {
    name: d.name,
    origin: d.used ? { row: d.used.top, col: d.used.left } : { row: 0, col: 0 },
    values: [],
    texts: [],
    formulas: [],
    numberFormats: [],
    merges,
  };
  blocks.sort((a, b) => a[0].rect.top - b[0].rect.top);
  for (const [, data] of blocks) {
    data.values.forEach((row, r) => {
      // Excel reports an empty cell as ""; the core expects null.
      snapshot.values.push(row.map((v, c) => (data.valueTypes[r][c] === "Empty" ? null : v)));
      snapshot.formulas.push(data.formulas[r].map((f) => (typeof f === "string" && f.startsWith("=") ? f : "")));
      snapshot.texts.push(data.text[r].map((t) => String(t ?? "")));
      snapshot.numberFormats.push(data.numberFormat[r].map((f) => String(f ?? "General")));
    });
  }
  return snapshot;
}

export function rangeAddress(rect: RectRef): string {
  return `${toA1(rect.top, rect.left)}:${toA1(rect.bottom, rect.right)}`;
}

/** Splits "'a,b'!A1:B2,'a,b'!C3" on the commas outside quotes and drops the sheet part. */
export function parseAreas(address: string): RectRef[] {
  const parts: string[] = [];
  let quoted = false;
  let current = "";
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  if (current) parts.push(current);
  return parts.map((p) => parseRange(p.trim().replace(/\$/g, ""))).filter((r): r is RectRef => r !== null);
}
