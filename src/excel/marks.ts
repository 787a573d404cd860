import { Finding } from "../core/finding";
import { GatewayProblem, PaintResult } from "./gateway";
import { API, ExcelHost, OfficeHost, supports } from "./host";
import { MARK_FILL, addressChunks, isMarkFormula, markFormula, planMarks } from "./mark-layout";
import { describe, problemFrom } from "./messages";
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
function readRecord(value: unknown): MarksRecord {
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

interface Scan {
  sheet: Excel.Worksheet;
  name: string;
  formats: Excel.ConditionalFormatCollection;
}

/**
 * Sync 1: sheet names, protection and the record. Protected sheets are reported, not attempted,
 * so one of them cannot fail the whole batch.
 */
async function survey(context: Excel.RequestContext, office: OfficeHost) {
  const sheets = context.workbook.worksheets.load("items/name,items/protection/protected");
  const setting = supports(office, API.settings) ? context.workbook.settings.getItemOrNullObject(MARKS_KEY).load("value") : null;
  await context.sync();
  const record = readRecord(setting && !setting.isNullObject ? setting.value : null);
  const existed = setting !== null && !setting.isNullObject;
  return { sheets: new Map(sheets.items.map((s) => [s.name, s])), record, canRecord: setting !== null, existed };
}

/** Sync 2: the conditional formats of each sheet, with the rule formula that identifies ours. */
async function scan(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<Scan[]> {
  const scans = sheets.map((sheet) => ({
    sheet,
    name: sheet.name,
    formats: sheet.getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula"),
  }));
  await context.sync();
  return scans;
}

/**
 * Queues the deletion of our marks on the scanned sheets; returns how many. A mark is known by its
 * marker formula alone, so a user's rule is never deleted. Deleting from the lowest priority up keeps
 * the priorities (Excel's ids) of the rules still to be deleted from shifting under the batch.
 */
function deleteOurs(scans: Scan[]): number {
  let removed = 0;
  for (const s of scans) {
    for (const cf of [...s.formats.items].reverse()) {
      const custom = cf.customOrNullObject;
      if (!custom.isNullObject && isMarkFormula(custom.rule.formula)) {
        cf.delete();
        removed++;
      }
    }
  }
  return removed;
}

/** Leaves no empty record behind, so clearing restores the settings exactly as they were. */
function writeRecord(context: Excel.RequestContext, record: MarksRecord, existed: boolean): void {
  if (Object.keys(record.sheets).length) context.workbook.settings.add(MARKS_KEY, record);
  else if (existed) context.workbook.settings.getItem(MARKS_KEY).delete();
}

export async function paintMarks(excel: ExcelHost, office: OfficeHost, findings: Finding[], sheetNames: string[]): Promise<PaintResult> {
  if (!supports(office, API.conditionalFormats)) {
    return { count: 0, problems: [{ code: "RequirementSetMissing", message: describe("RequirementSetMissing", "paint", undefined, "在表格中标记问题单元格（条件格式，ExcelApi 1.6）") }] };
  }
  const useAreas = supports(office, API.rangeAreas);
  const plan = planMarks(findings, sheetNames);
  try {
    return await excel.run(async (context) => {
      const { sheets, record, canRecord, existed } = await survey(context, office);
      const problems: GatewayProblem[] = [];
      const writable: Excel.Worksheet[] = [];
      for (const name of sheetNames) {
        const sheet = sheets.get(name);
        const hasWork = plan.some((p) => p.sheet === name) || (record.sheets[name] ?? 0) > 0;
        if (!sheet) {
          if (hasWork) problems.push({ sheet: name, code: "ItemNotFound", message: describe("ItemNotFound", "paint", name) });
        } else if (sheet.protection.protected) {
          if (hasWork) problems.push({ sheet: name, code: "AccessDenied", message: describe("AccessDenied", "paint", name) });
        } else writable.push(sheet);
      }
      const scans = await scan(context, writable);
      deleteOurs(scans);
      const added: Record<string, number> = {};
      let count = 0;
      for (const marks of plan) {
        const sheet = writable.find((s) => s.name === marks.sheet);
        if (!sheet) continue;
        // RangeAreas (1.9) take many rectangles per format; older hosts get one format per rectangle.
        const targets = useAreas ? addressChunks(marks.rects).map((a) => sheet.getRanges(a)) : marks.rects.map((r) => sheet.getRange(rangeAddress(r)));
        for (const target of targets) {
          const cf = target.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
          cf.custom.rule.formula = markFormula(marks.severity);
          cf.custom.format.fill.color = MARK_FILL[marks.severity];
          added[marks.sheet] = (added[marks.sheet] ?? 0) + 1;
        }
        count += marks.cells;
      }
      if (canRecord) {
        for (const s of writable) delete record.sheets[s.name];
        Object.assign(record.sheets, added);
        writeRecord(context, record, existed);
      }
      await context.sync();
      return { count, problems };
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
      const problems: GatewayProblem[] = [];
      const writable = [...sheets.values()].filter((s) => {
        if (!s.protection.protected) return true;
        if (record.sheets[s.name]) problems.push({ sheet: s.name, code: "AccessDenied", message: describe("AccessDenied", "clear", s.name) });
        return false;
      });
      const scans = await scan(context, writable);
      const count = deleteOurs(scans);
      if (canRecord) {
        for (const s of writable) delete record.sheets[s.name];
        // Sheets that no longer exist cannot hold marks any more.
        for (const name of Object.keys(record.sheets)) if (!sheets.has(name)) delete record.sheets[name];
        writeRecord(context, record, existed);
      }
      await context.sync();
      return { count, problems };
    });
  } catch (error) {
    return { count: 0, problems: [problemFrom(error, "clear")] };
  }
}
