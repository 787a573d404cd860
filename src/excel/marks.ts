import { Finding } from "../core/finding";
import { GatewayProblem, PaintResult } from "./gateway";
import { API, ExcelHost, OfficeHost, supports } from "./host";
import { MARK_FILL, SheetMarks, addressChunks, isMarkFormula, markFormula, planMarks } from "../core/mark-layout";
import { describe, problemFrom } from "./messages";
import { underProtection } from "./protected-batch";
import { rangeAddress } from "./read";

/**
 * workbook.settings key of the record of which sheets carry our marks and how many formats each got.
 * It drives reporting (a protected sheet that still holds marks), never deletion: Excel's
 * ConditionalFormat.id is only the rule's current priority, so a remembered id can name a user's rule.
 */
export const MARKS_KEY = "budgetCheck.marks";

interface MarksRecord {
  version: 2;
  /** Sheet name → number of conditional formats we added there. */
  sheets: Record<string, number>;
}

/** Reads version 2 (counts) and version 1 (lists of ids, of which only the number still means anything). */
export function readRecord(value: unknown): MarksRecord {
  const v = value as { version?: unknown; sheets?: unknown } | null;
  const sheets: Record<string, number> = {};
  if (v && (v.version === 1 || v.version === 2) && v.sheets && typeof v.sheets === "object") {
    for (const [name, entry] of Object.entries(v.sheets as Record<string, unknown>)) {
      const n = Array.isArray(entry) ? entry.length : typeof entry === "number" && Number.isInteger(entry) ? entry : 0;
      if (n > 0) sheets[name] = n;
    }
  }
  return { version: 2, sheets };
}

export interface Scan {
  sheet: Excel.Worksheet;
  name: string;
  formats: Excel.ConditionalFormatCollection;
  /** Protection as the user left it; a protected sheet is written in its own batch. */
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions };
}

/**
 * Sync 1: sheet names, protection with its options, and the record. The options are kept so a
 * protected sheet can be protected again exactly as it was after we mark it.
 */
async function survey(context: Excel.RequestContext, office: OfficeHost) {
  const sheets = context.workbook.worksheets.load("items/name,items/protection/protected,items/protection/options");
  const setting = supports(office, API.settings) ? context.workbook.settings.getItemOrNullObject(MARKS_KEY).load("value") : null;
  await context.sync();
  const record = readRecord(setting && !setting.isNullObject ? setting.value : null);
  const existed = setting !== null && !setting.isNullObject;
  return { sheets: new Map(sheets.items.map((s) => [s.name, s])), record, canRecord: setting !== null, existed };
}

/**
 * Sync 2: the conditional formats of each sheet, with the rule formula that identifies ours.
 * Reading is allowed on a protected sheet, so protected sheets are scanned too.
 */
async function scan(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<Scan[]> {
  const scans = queueScan(sheets);
  await context.sync();
  return scans;
}

/** Queues the loads of `scan` without syncing, so a check can send them with its data read. */
export function queueScan(sheets: Excel.Worksheet[]): Scan[] {
  return sheets.map((sheet) => ({
    sheet,
    name: sheet.name,
    formats: sheet.getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula"),
    protection: { protected: sheet.protection.protected, options: sheet.protection.options },
  }));
}

function ours(scan: Scan): Excel.ConditionalFormat[] {
  return scan.formats.items.filter(
    (cf) => !cf.customOrNullObject.isNullObject && isMarkFormula(cf.customOrNullObject.rule.formula),
  );
}

/**
 * Queues the deletion of our marks on a scanned sheet; returns how many. A mark is known by its
 * marker formula alone, so a user's rule is never deleted. Deleting from the lowest priority up keeps
 * the priorities (Excel's ids) of the rules still to be deleted from shifting under the batch.
 */
function deleteOurs(scan: Scan): number {
  const mine = ours(scan);
  for (const cf of [...mine].reverse()) cf.delete();
  return mine.length;
}

/** Queues the marks of one sheet; returns how many formats were added and how many cells they cover. */
function addMarks(sheet: Excel.Worksheet, plan: SheetMarks[], useAreas: boolean): { formats: number; cells: number } {
  let formats = 0;
  let cells = 0;
  for (const marks of plan) {
    // RangeAreas (1.9) take many rectangles per format; older hosts get one format per rectangle.
    const targets = useAreas
      ? addressChunks(marks.rects).map((a) => sheet.getRanges(a))
      : marks.rects.map((r) => sheet.getRange(rangeAddress(r)));
    for (const target of targets) {
      const cf = target.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = markFormula(marks.severity);
      cf.custom.format.fill.color = MARK_FILL[marks.severity];
      formats++;
    }
    cells += marks.cells;
  }
  return { formats, cells };
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * The record as kept in the workbook. Each write is queued into the batch whose outcome it
 * describes and only counts once that batch went through, so a sheet whose batch failed keeps
 * its old entry in later writes.
 */
export class RecordWriter {
  private pending: MarksRecord | null = null;

  constructor(
    private readonly context: Excel.RequestContext,
    private record: MarksRecord,
    private existed: boolean,
    private readonly enabled: boolean,
  ) {}

  /** Queues the whole record with these sheets' counts (0 drops a sheet). */
  queue(counts: Record<string, number>): void {
    if (!this.enabled) return;
    const next: MarksRecord = { version: 2, sheets: { ...this.record.sheets } };
    for (const [name, n] of Object.entries(counts)) {
      if (n > 0) next.sheets[name] = n;
      else delete next.sheets[name];
    }
    this.pending = next;
    // An unchanged record is not written again: a re-check after a fix then writes no setting,
    // which may clear the user's undo stack (see docs/add-in.md, "Confirmed only in real Excel").
    if (this.existed && sameCounts(next.sheets, this.record.sheets)) return;
    // Leaves no empty record behind, so clearing restores the settings exactly as they were.
    if (Object.keys(next.sheets).length) this.context.workbook.settings.add(MARKS_KEY, next);
    else if (this.existed) this.context.workbook.settings.getItem(MARKS_KEY).delete();
  }

  /** Call after the batch with the queued write went through. */
  written(): void {
    if (!this.pending) return;
    this.record = this.pending;
    this.existed = Object.keys(this.record.sheets).length > 0;
    this.pending = null;
  }
}

/**
 * Unprotected sheets are written in one batch (sync 3). Each protected sheet that needs work then
 * gets a batch of its own — unprotect, write, protect again with its options — so a password that
 * makes unprotect() fail costs that sheet alone. The sync count grows with protected sheets, never rows.
 */
async function writeSheets(
  context: Excel.RequestContext,
  scans: Scan[],
  writer: RecordWriter,
  action: "paint" | "clear",
  work: (scan: Scan) => { count: number; formats: number },
  extraCounts: Record<string, number> = {},
): Promise<{ count: number; problems: GatewayProblem[] }> {
  const open = scans.filter((s) => !s.protection.protected);
  let count = 0;
  const counts: Record<string, number> = { ...extraCounts };
  for (const s of open) {
    const done = work(s);
    count += done.count;
    counts[s.name] = done.formats;
  }
  writer.queue(counts);
  await context.sync();
  writer.written();

  const problems: GatewayProblem[] = [];
  for (const s of scans.filter((x) => x.protection.protected)) {
    let done = { count: 0, formats: 0 };
    const problem = await underProtection(context, s.sheet, s.name, s.protection.options, action, () => {
      done = work(s);
      writer.queue({ [s.name]: done.formats });
    });
    if (problem) problems.push(problem);
    else {
      count += done.count;
      writer.written();
    }
  }
  return { count, problems };
}

/** The problem reported when the host has no conditional formats to mark cells with. */
export function marksUnsupported(): GatewayProblem {
  return {
    code: "RequirementSetMissing",
    message: describe("RequirementSetMissing", "paint", undefined, "在表格中标记问题单元格（条件格式，ExcelApi 1.6）"),
  };
}

/**
 * Replaces our marks on the scanned sheets with `plan`'s, shared by the separate paint and the
 * one-run check so both treat protected sheets and the record alike.
 */
export function repaint(
  context: Excel.RequestContext,
  scans: Scan[],
  writer: RecordWriter,
  plan: SheetMarks[],
  useAreas: boolean,
): Promise<{ count: number; problems: GatewayProblem[] }> {
  // A protected sheet with nothing to add or remove is left alone: no needless unprotect.
  const work = scans.filter((s) => !s.protection.protected || plan.some((p) => p.sheet === s.name) || ours(s).length > 0);
  return writeSheets(context, work, writer, "paint", (s) => {
    deleteOurs(s);
    const added = addMarks(
      s.sheet,
      plan.filter((p) => p.sheet === s.name),
      useAreas,
    );
    return { count: added.cells, formats: added.formats };
  });
}

export async function paintMarks(
  excel: ExcelHost,
  office: OfficeHost,
  findings: Finding[],
  sheetNames: string[],
): Promise<PaintResult> {
  if (!supports(office, API.conditionalFormats)) return { count: 0, problems: [marksUnsupported()] };
  const useAreas = supports(office, API.rangeAreas);
  const plan = planMarks(findings, sheetNames);
  try {
    return await excel.run(async (context) => {
      const { sheets, record, canRecord, existed } = await survey(context, office);
      const problems: GatewayProblem[] = [];
      const present: Excel.Worksheet[] = [];
      for (const name of sheetNames) {
        const sheet = sheets.get(name);
        if (sheet) present.push(sheet);
        else if (plan.some((p) => p.sheet === name) || (record.sheets[name] ?? 0) > 0) {
          problems.push({ sheet: name, code: "ItemNotFound", message: describe("ItemNotFound", "paint", name) });
        }
      }
      const scans = await scan(context, present);
      const writer = new RecordWriter(context, record, existed, canRecord);
      const written = await repaint(context, scans, writer, plan, useAreas);
      return { count: written.count, problems: [...problems, ...written.problems] };
    });
  } catch (error) {
    return { count: 0, problems: [problemFrom(error, "paint")] };
  }
}

export async function clearMarks(excel: ExcelHost, office: OfficeHost): Promise<PaintResult> {
  // Without conditional formats we never added a mark, so there is nothing to clear.
  if (!supports(office, API.conditionalFormats)) return { count: 0, problems: [] };
  try {
    return await excel.run(async (context) => {
      const { sheets, record, canRecord, existed } = await survey(context, office);
      const scans = (await scan(context, [...sheets.values()])).filter((s) => !s.protection.protected || ours(s).length > 0);
      // Sheets that no longer exist cannot hold marks any more.
      const vanished = Object.fromEntries(
        Object.keys(record.sheets)
          .filter((n) => !sheets.has(n))
          .map((n) => [n, 0]),
      );
      const writer = new RecordWriter(context, record, existed, canRecord);
      return await writeSheets(context, scans, writer, "clear", (s) => ({ count: deleteOurs(s), formats: 0 }), vanished);
    });
  } catch (error) {
    return { count: 0, problems: [problemFrom(error, "clear")] };
  }
}
