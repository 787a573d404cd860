import { Finding } from "../core/finding";
import { SheetSnapshot } from "../core/snapshot";
import { AddinSettings, CheckScope, GatewayProblem } from "./gateway";
import { API, ExcelHost, OfficeHost, supports } from "./host";
import { MARKS_KEY, RecordWriter, Scan, marksUnsupported, queueScan, readRecord, repaint } from "./marks";
import { planMarks } from "../core/mark-layout";
import { describe, gatewayError, problemFrom } from "./messages";
import {
  Preread,
  SheetDims,
  firstRead,
  queueContentCounts,
  readBlocks,
  rectOf,
  splitBySize,
  tooLargeProblem,
  withinContentLimit,
} from "./read";
import { SETTINGS_KEY, normaliseSettings } from "./settings";

export interface BatchCheck {
  snapshots: SheetSnapshot[];
  settings: AddinSettings;
  /** The findings that were painted: what `decide` returned. */
  painted: Finding[];
  problems: GatewayProblem[];
}

const DIMS = "rowIndex,columnIndex,rowCount,columnCount";

/**
 * A whole check in one Excel.run: settings, read and paint in three syncs while the data fits one
 * response, for the active sheet and for the whole workbook alike:
 *   1. settings, the marks record, the sheet list with protection (and the active sheet's used range);
 *   2. the cells: for the active sheet every cell block, for named sheets their used ranges with the
 *      cells of each (`firstRead`); the merges and the conditional formats to replace ride along;
 *   3. the marks (old ones deleted, new ones added) and the record.
 * Cells beyond one response take a sync per row block between 2 and 3 (and a first read that Excel
 * refuses as too large one more, for the used ranges alone). `decide` runs the core before 3 and
 * returns the findings to mark.
 */
export async function checkInOneRun(
  excel: ExcelHost,
  office: OfficeHost,
  scope: CheckScope,
  decide: (snapshots: SheetSnapshot[], settings: AddinSettings) => Finding[],
  onProgress?: (done: number, total: number, sheet: string) => void,
): Promise<BatchCheck> {
  const canSettings = supports(office, API.settings);
  const canMark = supports(office, API.conditionalFormats);
  try {
    return await excel.run(async (context) => {
      const wb = context.workbook;
      const settingItem = canSettings ? wb.settings.getItemOrNullObject(SETTINGS_KEY).load("value") : null;
      const recordItem = canSettings && canMark ? wb.settings.getItemOrNullObject(MARKS_KEY).load("value") : null;
      const sheetList = wb.worksheets.load(
        canMark
          ? "items/name,items/visibility,items/protection/protected,items/protection/options"
          : "items/name,items/visibility",
      );
      const active = scope === "active" ? wb.worksheets.getActiveWorksheet().load("name") : null;
      const activeUsed = active ? active.getUsedRangeOrNullObject(true).load(DIMS) : null;
      await context.sync();

      const settings = normaliseSettings(settingItem && !settingItem.isNullObject ? settingItem.value : null);
      const problems: GatewayProblem[] = [];
      const byName = new Map(sheetList.items.map((s) => [s.name, s]));
      const withMerges = supports(office, API.mergedAreas);
      let scans: Scan[] = [];
      const queueScans = (names: string[]) => {
        if (!canMark) return false;
        scans = queueScan(names.map((n) => byName.get(n)).filter((s): s is Excel.Worksheet => s !== undefined));
        return scans.length > 0;
      };
      let dims: SheetDims[];
      let have: Map<string, Preread> | undefined;
      if (active && activeUsed) {
        dims = [{ name: active.name, used: rectOf(activeUsed) }];
      } else {
        const wanted = scope === "all" ? null : new Set(scope === "active" ? [] : scope.sheets);
        const visible = sheetList.items.filter((s) => s.visibility === "Visible" && (!wanted || wanted.has(s.name)));
        const hidden = sheetList.items.filter((s) => s.visibility !== "Visible" && (!wanted || wanted.has(s.name)));
        if (hidden.length)
          problems.push({
            code: "HiddenSheetSkipped",
            message: describe("HiddenSheetSkipped", "read", undefined, hidden.map((s) => s.name).join("、")),
          });
        if (wanted)
          for (const name of wanted)
            if (!byName.has(name))
              problems.push({ sheet: name, code: "ItemNotFound", message: describe("ItemNotFound", "read", name) });
        const names = visible.map((s) => s.name);
        // The conditional formats to replace ride along with the first read (scanning a sheet too
        // large to check costs a collection load and is dropped below).
        ({ dims, have } = await firstRead(context, names, withMerges, () => void queueScans(names)));
      }
      const { readable, oversize } = splitBySize(dims);
      const readableNames = new Set(readable.map((d) => d.name));
      let counts = null as (() => Map<string, number>) | null;
      const read = await readBlocks(context, readable, {
        withMerges,
        onProgress,
        have,
        rideAlong: () => {
          // The active sheet's scan goes with its blocks (again if their batch is retried smaller).
          const queued = have === undefined && queueScans(readable.map((d) => d.name));
          counts = queueContentCounts(context, office, oversize);
          return queued || counts !== null;
        },
      });
      scans = scans.filter((s) => readableNames.has(s.name));
      const known = counts?.() ?? new Map<string, number>();
      problems.push(...oversize.map((d) => tooLargeProblem(d, known.get(d.name))));
      const snapshots = withinContentLimit(read, problems);

      const painted = decide(snapshots, settings);
      if (!canMark) {
        problems.push(marksUnsupported());
        return { snapshots, settings, painted, problems };
      }
      try {
        const names = snapshots.map((s) => s.name);
        const plan = planMarks(painted, names);
        const record = readRecord(recordItem && !recordItem.isNullObject ? recordItem.value : null);
        const writer = new RecordWriter(context, record, recordItem !== null && !recordItem.isNullObject, recordItem !== null);
        const written = await repaint(context, scans, writer, plan, supports(office, API.rangeAreas));
        problems.push(...written.problems);
      } catch (error) {
        // The findings stand even when the marks could not be written.
        problems.push(problemFrom(error, "paint"));
      }
      return { snapshots, settings, painted, problems };
    });
  } catch (error) {
    throw gatewayError(error, "read");
  }
}
