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

/**
 * Reads in a constant number of syncs while the data fits one response: (1) the sheet list, (2) the
 * used ranges with their cells (`firstRead`); the active sheet's used range, and any cells beyond
 * the first read, take one more sync, bigger sheets one per row block.
 */
export async function readSheets(
  excel: ExcelHost,
  office: OfficeHost,
  scope: CheckScope,
  onProgress?: (done: number, total: number, sheet: string) => void,
): Promise<ReadResult> {
  try {
    return await excel.run(async (context) => {
      const { names, hidden } = await listSheets(context, scope);
      const withMerges = supports(office, API.mergedAreas);
      const first =
        scope === "active"
          ? { dims: await usedRanges(context, names), have: undefined }
          : await firstRead(context, names, withMerges);
      const problems: GatewayProblem[] = [];
      if (hidden.length)
        problems.push({
          code: "HiddenSheetSkipped",
          message: describe("HiddenSheetSkipped", "read", undefined, hidden.join("、")),
        });
      const { readable, oversize } = splitBySize(first.dims);
      let counts = null as (() => Map<string, number>) | null;
      // Progress per sync: a big workbook read in several syncs moves the bar as each one lands.
      const read = await readBlocks(context, readable, {
        withMerges,
        onProgress,
        have: first.have,
        rideAlong: () => (counts = queueContentCounts(context, office, oversize)) !== null,
      });
      const known = counts?.() ?? new Map<string, number>();
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
 * 1.9), so the note can say how many there are; it rides along with the next sync of the read.
 * Null when there is nothing to count (or no way to).
 */
export function queueContentCounts(
  context: Excel.RequestContext,
  office: OfficeHost,
  oversize: SheetDims[],
): (() => Map<string, number>) | null {
  if (!oversize.length || !supports(office, API.rangeAreas)) return null;
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
      : overLimit(
          d.name,
          contentCells !== undefined
            ? `有内容的单元格有 ${contentCells.toLocaleString("en-US")} 个`
            : `的已用区域有 ${rect.toLocaleString("en-US")} 个单元格`,
          MAX_CONTENT_CELLS,
        );
  return { sheet: d.name, code: "SheetTooLarge", message };
}

/** The one sentence for a sheet over the content limit, however its size became known. */
function overLimit(sheet: string, size: string, limit: number): string {
  return `工作表“${sheet}”${size}，超过可检查的上限（有内容的单元格 ${limit.toLocaleString("en-US")} 个），未检查。请拆分表格后重试；其他工作表照常检查。`;
}

/** Cells that hold a value or a formula. */
function contentCells(s: SheetSnapshot): number {
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
      message: overLimit(s.name, `有内容的单元格有 ${n.toLocaleString("en-US")} 个`, limit),
    });
    return false;
  });
}

async function listSheets(context: Excel.RequestContext, scope: CheckScope): Promise<{ names: string[]; hidden: string[] }> {
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

const DIMS = "rowIndex,columnIndex,rowCount,columnCount";
const CELLS = "values,formulas,text,numberFormat,valueTypes";

/** A loaded range's rectangle, or null for a null object. */
export function rectOf(r: Excel.Range): RectRef | null {
  return r.isNullObject
    ? null
    : { top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 };
}

async function usedRanges(context: Excel.RequestContext, names: string[]): Promise<SheetDims[]> {
  const ranges = names.map((name) =>
    // valuesOnly: formatting that runs down whole columns must not inflate the read.
    context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load(DIMS),
  );
  await context.sync();
  return names.map((name, i) => ({ name, used: rectOf(ranges[i]) }));
}

/**
 * The first read of named sheets is bounded before it is sent, whatever the sheets hold: at most
 * this many cells in all, in each sheet's first FIRST_READ_COLUMNS columns and an equal share of
 * rows. It keeps every range read far below Excel's five-million-cell get limit (beyond which the
 * arrays may come back null) and bounds the one response on hosts without the 5 MB limit (desktop
 * Excel); only the cells in use travel, so budget tables take a fraction of it.
 */
export const FIRST_READ_CELLS = 1_000_000;
/** A:BL: wider than any budget table we have seen (the widest, 资金支出计划 by month, uses about 30). */
export const FIRST_READ_COLUMNS = 64;

/** Cells read before the blocks: the top rows of a sheet's used range, across its full width. */
export interface Preread {
  rect: RectRef;
  data: BlockData;
  /** The sheet's merged areas when `rect` is the whole used range (and merges are supported). */
  merges: RectRef[] | null;
}

export interface FirstRead {
  dims: SheetDims[];
  have: Map<string, Preread>;
}

/**
 * Codes of a first read refused for its size, after which the used ranges are read alone. Excel on
 * the web documents ResponsePayloadSizeLimitExceeded; huge reads have also been reported to fail
 * with an internal error (GeneralException), and the block read that follows fails again by itself
 * if that was something else.
 */
const TOO_LARGE = new Set([
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
  "OperationCellsExceedLimit",
  "GeneralException",
]);

function tooLarge(error: unknown): boolean {
  return TOO_LARGE.has(String((error as { code?: unknown } | null)?.code));
}

/**
 * Sync 2 of a workbook read, when the sheets' names came with sync 1: each sheet's used range and,
 * in the same response, its cells within a bounded window from A1 (FIRST_READ_CELLS), with their
 * merges. A sheet that fits its window needs no further read; one that does not keeps the rows it
 * got when they span its full width. If Excel refuses the response as too large (Excel on the
 * web's 5 MB), the used ranges are read alone in one more sync and every sheet is read in sized
 * blocks, as before. `rideAlong` queues other loads into whichever of those syncs goes through.
 */
export async function firstRead(
  context: Excel.RequestContext,
  names: string[],
  withMerges: boolean,
  rideAlong?: () => void,
): Promise<FirstRead> {
  const rows = Math.floor(FIRST_READ_CELLS / (Math.max(1, names.length) * FIRST_READ_COLUMNS));
  if (rows < 1) {
    rideAlong?.();
    return { dims: await usedRanges(context, names), have: new Map() };
  }
  const window = rangeAddress({ top: 0, left: 0, bottom: rows - 1, right: FIRST_READ_COLUMNS - 1 });
  const proxies = names.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const box = sheet.getRange(window);
    return {
      name,
      used: sheet.getUsedRangeOrNullObject(true).load(DIMS),
      cells: box.getUsedRangeOrNullObject(true).load(`${DIMS},${CELLS}`),
      merges: withMerges ? box.getMergedAreasOrNullObject().load("address") : null,
    };
  });
  rideAlong?.();
  try {
    await context.sync();
  } catch (error) {
    if (!tooLarge(error)) throw error;
    rideAlong?.();
    return { dims: await usedRanges(context, names), have: new Map() };
  }
  const dims = proxies.map((p) => ({ name: p.name, used: rectOf(p.used) }));
  const have = new Map<string, Preread>();
  proxies.forEach((p, i) => {
    const used = dims[i].used;
    const got = rectOf(p.cells);
    // Only rows that start the used range and span its full width can be joined to the blocks below them.
    if (!used || !got || got.top !== used.top || got.left !== used.left || got.right !== used.right) return;
    const whole = got.bottom === used.bottom;
    const merges =
      whole && p.merges ? (p.merges.isNullObject ? [] : parseAreas(p.merges.address).filter((m) => overlaps(m, used))) : null;
    have.set(p.name, { rect: got, data: p.cells as unknown as BlockData, merges });
  });
  return { dims, have };
}

function overlaps(a: RectRef, b: RectRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
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

export interface BlockData {
  values: CellValue[][];
  formulas: unknown[][];
  text: string[][];
  numberFormat: string[][];
  valueTypes: string[][];
}

export interface BlockReadOptions {
  withMerges: boolean;
  /** Bytes per sync; RESPONSE_BUDGET_BYTES unless a test wants smaller blocks. */
  budget?: number;
  onProgress?: (done: number, total: number, sheet: string) => void;
  /**
   * Queues other loads to send with the first batch (again if that batch is retried smaller);
   * returns whether it queued any, so that they are sent even when no block is left to read.
   */
  rideAlong?: () => boolean;
  /** Cells the first read already brought, by sheet. */
  have?: Map<string, Preread>;
}

export async function readBlocks(
  context: Excel.RequestContext,
  dims: SheetDims[],
  options: BlockReadOptions,
): Promise<SheetSnapshot[]> {
  const { withMerges, onProgress, rideAlong, have = new Map<string, Preread>() } = options;
  let budget = options.budget ?? RESPONSE_BUDGET_BYTES;
  const data = new Map<Block, BlockData>();
  const merges = new Map<string, RectRef[]>();
  for (const d of dims) {
    const pre = have.get(d.name);
    if (!pre) continue;
    data.set({ sheet: d.name, rect: pre.rect }, pre.data);
    if (pre.merges) merges.set(d.name, pre.merges);
  }
  let rode = false;
  const queueMerges = () => {
    rode = rideAlong?.() ?? false;
    return withMerges
      ? dims
          .filter((d) => d.used && !merges.has(d.name))
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
  const keepMerges = (proxies: ReturnType<typeof queueMerges>) => {
    for (const m of proxies) merges.set(m.name, m.areas.isNullObject ? [] : parseAreas(m.areas.address));
  };
  // Merges ride along with the first batch of blocks, so they cost no sync of their own.
  let mergeProxies = queueMerges();
  // What the first read did not bring: the rows below the ones it got, or the whole used range.
  const rest = dims.map((d) => {
    const pre = have.get(d.name);
    if (!pre || !d.used) return d;
    return { name: d.name, used: pre.rect.bottom >= d.used.bottom ? null : { ...d.used, top: pre.rect.bottom + 1 } };
  });
  let pending = packBatches(planBlocks(rest, budget), budget);
  let first = true;
  const reported = new Set<string>();
  // Progress counts sheets, as the pane says (n/m 张表), in order: a sheet is done when no block of it is pending.
  const report = () => {
    for (const d of dims) {
      if (pending.some((batch) => batch.some((b) => b.sheet === d.name))) return;
      if (reported.has(d.name)) continue;
      reported.add(d.name);
      onProgress?.(reported.size, dims.length, d.name);
    }
  };
  while (pending.length) {
    const batch = pending.shift()!;
    const proxies = batch.map((b) => context.workbook.worksheets.getItem(b.sheet).getRange(rangeAddress(b.rect)).load(CELLS));
    try {
      // One sync per batch is the point: each batch is sized to fit one response.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
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
      keepMerges(mergeProxies);
      first = false;
    }
    batch.forEach((b, i) => data.set(b, proxies[i] as unknown as BlockData));
    report();
  }
  // Nothing left to read, but merges or other loads are queued: they still need their sync.
  if (first && (rode || mergeProxies.length)) {
    await context.sync();
    keepMerges(mergeProxies);
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
