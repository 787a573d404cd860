import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Finding } from "../core/finding";
import { PASTED_NARRATIVE } from "../core/narrative/sources";
import { packageLine } from "../core/package";
import { CellWrite, FixPlan, NO_FIXES, PLANNED_RULES, planFix, undoWrites } from "../core/fixes";
import { SheetSnapshot, SheetView } from "../core/snapshot";
import { LastYearSheets, runCheck } from "../excel/check-flow";
import { AddinSettings, CheckScope, DEFAULT_SETTINGS, GatewayProblem, WorkbookGateway } from "../excel/gateway";
import { TemplateKind } from "../templates/catalog";
import { fileBytes } from "../ui/file-bytes";
import { useBusy } from "../ui/hooks/busy";
import { useIgnored } from "../ui/hooks/ignored";
import { useNotices } from "../ui/hooks/notices";
import { describeError, validateTolerance } from "./messages";

/** A fix that went through: kept so the user can undo it from 「已修复」 after the re-check. */
export interface AppliedFix extends FixPlan {
  undone?: boolean;
}

interface RunState {
  findings: Finding[];
  sheets: string[];
  kinds: Record<string, string>;
  units: Record<string, string>;
  snapshots: SheetSnapshot[];
  scope: CheckScope;
  /** Some sheet could not be read or was not understood. */
  incomplete: boolean;
  /** What the workbook's tables state (year, unit, 编制单位), for the summary; "" when nothing. */
  stated: string;
}

const EMPTY_RUN: RunState = {
  findings: [],
  sheets: [],
  kinds: {},
  units: {},
  snapshots: [],
  scope: "active",
  incomplete: false,
  stated: "",
};

/** After a write, a workbook check is repeated whole; a sheet check only for the sheets written. */
function afterWrite(scope: CheckScope, writes: CellWrite[]): CheckScope {
  return scope === "all" ? "all" : { sheets: [...new Set(writes.map((w) => w.sheet))] };
}

/**
 * What only the pane does: the workbook behind the gateway (read, check, mark, write, settings).
 * Messages, busy state and ignored findings behave as on the page (src/ui/hooks); the components
 * only render.
 */
export function useChecker(gateway: WorkbookGateway) {
  const { notices, notify, dismiss, clear } = useNotices();
  const { busy, progress, onProgress, exclusive } = useBusy(notify, describeError);
  const [settings, setSettings] = useState<AddinSettings>(DEFAULT_SETTINGS);
  /** null until the first check: "no findings" and "not checked yet" read differently. */
  const [run, setRun] = useState<RunState | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [fixes, setFixes] = useState<AppliedFix[]>([]);

  // Refs let async actions see the latest state without re-creating every callback.
  const settingsRef = useRef(settings);
  useEffect(() => {
    settingsRef.current = settings;
  }, [settings]);
  const marksShown = useRef(false);
  /** The 说明 pasted in 「核对说明文字」: checked with every check until cleared. */
  const narrativeRef = useRef("");
  const runRef = useRef<RunState>(EMPTY_RUN);
  /** 「与上年对比」: last year's sheets, kept for every re-check until 取消对比. */
  const lastYearRef = useRef<LastYearSheets | null>(null);
  const [compared, setCompared] = useState<{ file: string; tables: string[] } | null>(null);
  /** Cells we are about to write: their onChanged event is ours, not the user's. */
  const ownEdits = useRef(new Set<string>());

  const notifyProblems = useCallback(
    (problems: GatewayProblem[]) =>
      problems.forEach((p) =>
        notify("warning", p.sheet && !p.message.includes(p.sheet) ? `「${p.sheet}」：${p.message}` : p.message),
      ),
    [notify],
  );

  useEffect(() => {
    let live = true;
    gateway.loadSettings().then(
      (loaded) => live && setSettings(loaded),
      (error) => live && notify("error", describeError(error, "读取设置")),
    );
    return () => {
      live = false;
    };
  }, [gateway, notify]);

  /** The check itself, inside an exclusive action; also the re-check after a fix. */
  const checkNow = useCallback(
    async (scope: CheckScope) => {
      onProgress("read", 0, 0);
      const text = narrativeRef.current;
      const pasted = text.trim() ? { name: PASTED_NARRATIVE, text } : undefined;
      const result = await runCheck(gateway, scope, onProgress, lastYearRef.current, pasted);
      setCompared(lastYearRef.current ? { file: lastYearRef.current.name, tables: lastYearRef.current.tables ?? [] } : null);
      const sheets = result.result.sheets.map((s) => s.name);
      const next: RunState = {
        findings: result.result.findings,
        sheets,
        kinds: Object.fromEntries(result.result.sheets.map((s) => [s.name, s.kind])),
        units: Object.fromEntries(
          Object.entries(result.units).filter((e): e is [string, NonNullable<(typeof e)[1]>] => e[1] !== null),
        ),
        snapshots: result.snapshots,
        scope,
        incomplete:
          result.result.sheets.some((s) => s.note) ||
          result.problems.some((p) => p.code !== "HiddenSheetSkipped" && p.code !== "RequirementSetMissing"),
        stated: result.result.package ? packageLine(result.result.package) : "",
      };
      runRef.current = next;
      marksShown.current = true;
      setSettings(result.settings);
      setRun(next);
      setStale(false);
      setCurrentId((id) => (id && next.findings.some((f) => f.id === id) ? id : null));
      notifyProblems(result.problems);
      const notes = result.result.sheets.filter((s) => s.note);
      for (const s of notes) notify("warning", `「${s.name}」：${s.note}`);
      // A clean workbook is said clean once, by the summary line, and only when every sheet was read and understood.
      if (sheets.length === 0 && result.problems.length === 0) notify("info", "没有可检查的工作表。");
      // Each check hands the watcher its sheets and listener anew, replacing the last; nothing to undo.
      await gateway.watchSheets?.(sheets, (sheet, address) => {
        const key = `${sheet}!${address.replace(/^.*!/, "")}`;
        if (ownEdits.current.delete(key)) return;
        setStale(true);
      });
    },
    [gateway, notify, notifyProblems, onProgress],
  );

  const check = useCallback(
    (scope: "active" | "all") =>
      exclusive("检查", async () => {
        clear();
        await checkNow(scope);
      }),
    [exclusive, clear, checkNow],
  );
  const recheck = useCallback(() => check(runRef.current.scope === "all" ? "all" : "active"), [check]);
  /** A 说明 is compared with the whole workbook's tables, so it is checked with every sheet. */
  const checkNarrative = useCallback(
    (text: string) => {
      narrativeRef.current = text;
      return check("all");
    },
    [check],
  );

  /**
   * 「与上年对比」: last year's file is read from its bytes with the page's reader (loaded on first
   * use, so the pane's bundle does not carry it), and the workbook is checked against it.
   */
  const compareWith = useCallback(
    (file: File) =>
      exclusive("与上年对比", async () => {
        clear();
        onProgress("read", 0, 0);
        const { readAnyWorkbookBytes, WorkbookReadError } = await import(/* webpackChunkName: "reader" */ "../xlsx");
        let snapshots: SheetSnapshot[];
        try {
          const bytes = new Uint8Array(await fileBytes(file));
          snapshots = (await readAnyWorkbookBytes(bytes, file.name, { includeHidden: true })).snapshots;
        } catch (error) {
          if (error instanceof WorkbookReadError) {
            notify("error", `上年文件：${error.message}`);
            return;
          }
          throw error;
        }
        lastYearRef.current = { name: file.name, snapshots };
        await checkNow(runRef.current.scope === "all" ? "all" : "active");
      }),
    [exclusive, clear, notify, onProgress, checkNow],
  );

  const stopComparing = useCallback(
    () =>
      exclusive("取消对比", async () => {
        clear();
        lastYearRef.current = null;
        await checkNow(runRef.current.scope === "all" ? "all" : "active");
      }),
    [exclusive, clear, checkNow],
  );

  const clearMarks = useCallback(
    () =>
      exclusive("清除标记", async () => {
        clear();
        const result = await gateway.clearMarks();
        marksShown.current = false;
        notifyProblems(result.problems);
        if (result.problems.length === 0)
          notify("success", result.count > 0 ? `已清除 ${result.count} 处标记。` : "没有需要清除的标记。");
        else if (result.count > 0) notify("info", `其余工作表已清除 ${result.count} 处标记。`);
      }),
    [exclusive, clear, gateway, notify, notifyProblems],
  );

  /** Saves the new ignore list and, when marks are on the sheet, repaints so ignored cells lose theirs. */
  const saveIgnored = useCallback(
    (ignored: string[]) =>
      exclusive("保存忽略设置", async () => {
        // Stored first, shown second: a refused save must not hide the finding as if it were ignored.
        const next = { ...(await gateway.loadSettings()), ignored };
        await gateway.saveSettings(next);
        setSettings(next);
        if (!marksShown.current || runRef.current.sheets.length === 0) return;
        const keep = new Set(ignored);
        const visible = runRef.current.findings.filter((f) => !keep.has(f.id));
        const painted = await gateway.paint(visible, runRef.current.sheets);
        notifyProblems(painted.problems);
        // The list changed, but the marks in the sheet did not follow.
        if (painted.problems.length) setStale(true);
      }),
    [exclusive, gateway, notifyProblems],
  );
  const findings = useMemo(() => run?.findings ?? [], [run]);
  const ignoring = useIgnored(findings, settings.ignored, saveIgnored);

  const select = useCallback(
    async (finding: Finding) => {
      setCurrentId(finding.id);
      // A finding on pasted text has no cell in the workbook to go to.
      if (finding.line !== undefined) return;
      try {
        await gateway.select(finding.sheet, finding.cell, finding.related);
      } catch (error) {
        notify("error", describeError(error, "定位单元格"));
      }
    },
    [gateway, notify],
  );

  /** The pane writes cells, so it applies every planner; a gateway that cannot write applies none. */
  const fixRules = gateway.writeCell ? PLANNED_RULES : NO_FIXES;
  const fixFor = useCallback(
    (finding: Finding): FixPlan | null => {
      const snapshot = run?.snapshots.find((s) => s.name === finding.sheet);
      return snapshot ? planFix(finding, new SheetView(snapshot), fixRules) : null;
    },
    [run, fixRules],
  );

  /** Writes cells in order; each one's onChanged event is announced as ours first, so it does not mark the list stale. */
  const writeOwn = useCallback(
    async (writes: CellWrite[]) => {
      for (const { sheet, cell, before, after } of writes) {
        const key = `${sheet}!${cell}`;
        ownEdits.current.add(key);
        try {
          await gateway.writeCell!(sheet, cell, before, after);
        } catch (error) {
          ownEdits.current.delete(key);
          throw error;
        }
      }
    },
    [gateway],
  );
  const applyFix = useCallback(
    (plan: FixPlan) =>
      exclusive("修改单元格", async () => {
        clear();
        await writeOwn(plan.writes);
        setFixes((list) => [{ ...plan }, ...list.filter((f) => f.findingId !== plan.findingId)]);
        await checkNow(afterWrite(runRef.current.scope, plan.writes));
        notify("success", `已修改 ${plan.writes.map((w) => w.description).join("；")}，并重新检查了该表。`);
      }),
    [exclusive, clear, writeOwn, checkNow, notify],
  );

  const undoFix = useCallback(
    (fix: AppliedFix) =>
      exclusive("撤销修改", async () => {
        clear();
        await writeOwn(undoWrites(fix));
        setFixes((list) => list.map((f) => (f.findingId === fix.findingId ? { ...f, undone: true } : f)));
        await checkNow(afterWrite(runRef.current.scope, fix.writes));
        notify("success", `已撤销对 ${fix.writes.map((w) => `${w.sheet}!${w.cell}`).join("、")} 的修改。`);
      }),
    [exclusive, clear, writeOwn, checkNow, notify],
  );

  const exportResults = useCallback(
    () =>
      exclusive("导出结果", async () => {
        const keep = new Set(settingsRef.current.ignored);
        const { sheetName } = await gateway.exportResults!(runRef.current.findings.filter((f) => !keep.has(f.id)));
        notify("success", `已将检查结果写入工作表「${sheetName}」。`);
      }),
    [exclusive, gateway, notify],
  );

  /** Returns the message for the field when the text is not a valid band. */
  const saveTolerance = useCallback(
    async (text: string): Promise<string | null> => {
      const invalid = validateTolerance(text);
      if (invalid) return invalid;
      const tolerance = text.trim();
      await exclusive("保存容差", async () => {
        // Merge with the stored settings: the pane may not have loaded them yet, or the ribbon changed them.
        const next = { ...(await gateway.loadSettings()), tolerance };
        await gateway.saveSettings(next);
        const changed = next.tolerance !== settingsRef.current.tolerance;
        setSettings(next);
        if (changed && runRef.current !== EMPTY_RUN) setStale(true);
        notify("success", `容差已设为 ${tolerance}，下次检查时生效。`);
      });
      return null;
    },
    [exclusive, gateway, notify],
  );

  const insertTemplate = useCallback(
    (kind: TemplateKind) =>
      exclusive("插入模板", async () => {
        const { sheetName } = await gateway.insertTemplate(kind);
        if (runRef.current !== EMPTY_RUN && runRef.current.scope === "all") setStale(true);
        notify("success", `已插入工作表「${sheetName}」。`);
      }),
    [exclusive, gateway, notify],
  );

  const appendProjectBlock = useCallback(
    () =>
      exclusive("添加项目块", async () => {
        const { sheetName } = await gateway.appendProjectBlock();
        if (runRef.current.sheets.includes(sheetName)) setStale(true);
        notify("success", `已在「${sheetName}」末尾添加一个项目块。`);
      }),
    [exclusive, gateway, notify],
  );

  return {
    checkNarrative,
    settings,
    checked: run !== null,
    run: run ?? EMPTY_RUN,
    findings,
    ...ignoring,
    currentId,
    stale,
    fixes,
    fixRules,
    progress,
    busy,
    notices,
    dismiss,
    check,
    recheck,
    compared,
    compareWith,
    stopComparing,
    clearMarks,
    select,
    fixFor,
    applyFix,
    undoFix,
    canExport: gateway.exportResults !== undefined,
    exportResults,
    saveTolerance,
    insertTemplate,
    appendProjectBlock,
  };
}

export type Checker = ReturnType<typeof useChecker>;
