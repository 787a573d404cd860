import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Finding } from "../core/finding";
import { SheetSnapshot } from "../core/snapshot";
import { Progress } from "../core/progress";
import { runCheck } from "../excel/check-flow";
import { AddinSettings, CellContent, CheckScope, DEFAULT_SETTINGS, GatewayProblem, WorkbookGateway } from "../excel/gateway";
import { TemplateKind } from "../templates/catalog";
import { FixPlan, planFix, undoOf } from "./fixes";
import { describeError, validateTolerance } from "./messages";

export type NoticeIntent = "error" | "warning" | "info" | "success";

export interface Notice {
  id: number;
  intent: NoticeIntent;
  text: string;
}

/** A fix that went through: kept so the user can undo it from its card after the re-check. */
export interface AppliedFix extends FixPlan {
  undone?: boolean;
}

/** Success messages go away by themselves; failures stay until dismissed. */
export const SUCCESS_MS = 6000;

interface RunState {
  findings: Finding[];
  sheets: string[];
  kinds: Record<string, string>;
  units: Record<string, string>;
  snapshots: SheetSnapshot[];
  scope: CheckScope;
  /** Some sheet could not be read or was not understood. */
  incomplete: boolean;
}

const EMPTY_RUN: RunState = { findings: [], sheets: [], kinds: {}, units: {}, snapshots: [], scope: "active", incomplete: false };

/** After a write, a workbook check is repeated whole; a sheet check only for the sheet written. */
function afterWrite(scope: CheckScope, sheet: string): CheckScope {
  return scope === "all" ? "all" : { sheets: [sheet] };
}

/** Everything the pane does, kept out of the components so they only render. */
export function useChecker(gateway: WorkbookGateway) {
  const [settings, setSettings] = useState<AddinSettings>(DEFAULT_SETTINGS);
  /** null until the first check: "no findings" and "not checked yet" read differently. */
  const [run, setRun] = useState<RunState | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [fixes, setFixes] = useState<AppliedFix[]>([]);

  // Refs let async actions see the latest state without re-creating every callback.
  const settingsRef = useRef(settings);
  useEffect(() => {
    settingsRef.current = settings;
  }, [settings]);
  const busyRef = useRef(false);
  const marksShown = useRef(false);
  const runRef = useRef<RunState>(EMPTY_RUN);
  const nextNoticeId = useRef(1);
  /** Cells we are about to write: their onChanged event is ours, not the user's. */
  const ownEdits = useRef(new Set<string>());
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (intent: NoticeIntent, text: string) => {
      const id = nextNoticeId.current++;
      // The same sentence twice says nothing new; a success replaces earlier successes.
      setNotices((list) => [
        ...list.filter((n) => n.text !== text && !(intent === "success" && n.intent === "success")),
        { id, intent, text },
      ]);
      if (intent === "success") {
        const t = setTimeout(() => {
          timers.current.delete(t);
          dismiss(id);
        }, SUCCESS_MS);
        timers.current.add(t);
      }
    },
    [dismiss],
  );
  const notifyProblems = useCallback(
    (problems: GatewayProblem[]) =>
      problems.forEach((p) =>
        notify("warning", p.sheet && !p.message.includes(p.sheet) ? `「${p.sheet}」：${p.message}` : p.message),
      ),
    [notify],
  );

  /** Runs one gateway action at a time, so two clicks cannot interleave their writes. */
  const exclusive = useCallback(
    async (action: string, work: () => Promise<void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      try {
        await work();
      } catch (error) {
        notify("error", describeError(error, action));
      } finally {
        busyRef.current = false;
        setBusy(false);
        setProgress(null);
      }
    },
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
      setProgress({ stage: "read", done: 0, total: 0 });
      const result = await runCheck(gateway, scope, (stage, done, total) => setProgress({ stage, done, total }));
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
      // 「未发现问题」 only when every sheet was read and understood.
      if (sheets.length === 0 && result.problems.length === 0) notify("info", "没有可检查的工作表。");
      else if (result.visible.length === 0 && notes.length === 0 && result.problems.length === 0)
        notify("success", `已检查 ${sheets.length} 张表，未发现问题。`);
      // Each check hands the watcher its sheets and listener anew, replacing the last; nothing to undo.
      await gateway.watchSheets?.(sheets, (sheet, address) => {
        const key = `${sheet}!${address.replace(/^.*!/, "")}`;
        if (ownEdits.current.delete(key)) return;
        setStale(true);
      });
    },
    [gateway, notify, notifyProblems],
  );

  const check = useCallback(
    (scope: "active" | "all") =>
      exclusive("检查", async () => {
        // A new check supersedes every earlier message.
        setNotices([]);
        await checkNow(scope);
      }),
    [exclusive, checkNow],
  );
  const recheck = useCallback(() => check(runRef.current.scope === "all" ? "all" : "active"), [check]);

  const clearMarks = useCallback(
    () =>
      exclusive("清除标记", async () => {
        setNotices([]);
        const result = await gateway.clearMarks();
        marksShown.current = false;
        notifyProblems(result.problems);
        if (result.problems.length === 0)
          notify("success", result.count > 0 ? `已清除 ${result.count} 处标记。` : "没有需要清除的标记。");
        else if (result.count > 0) notify("info", `其余工作表已清除 ${result.count} 处标记。`);
      }),
    [exclusive, gateway, notify, notifyProblems],
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

  const ignore = useCallback(
    (finding: Finding) => saveIgnored([...settingsRef.current.ignored.filter((id) => id !== finding.id), finding.id]),
    [saveIgnored],
  );
  const restore = useCallback(
    (finding: Finding) => saveIgnored(settingsRef.current.ignored.filter((id) => id !== finding.id)),
    [saveIgnored],
  );
  const resetIgnored = useCallback(() => saveIgnored([]), [saveIgnored]);

  const select = useCallback(
    async (finding: Finding) => {
      setCurrentId(finding.id);
      try {
        await gateway.select(finding.sheet, finding.cell, finding.related);
      } catch (error) {
        notify("error", describeError(error, "定位单元格"));
      }
    },
    [gateway, notify],
  );

  const fixFor = useCallback(
    (finding: Finding): FixPlan | null =>
      gateway.writeCell
        ? planFix(
            finding,
            run?.snapshots.find((s) => s.name === finding.sheet),
          )
        : null,
    [gateway, run],
  );

  /** Writes one cell; its onChanged event is announced as ours first, so it does not mark the list stale. */
  const writeOwn = useCallback(
    async (sheet: string, cell: string, expect: CellContent, content: CellContent) => {
      const key = `${sheet}!${cell}`;
      ownEdits.current.add(key);
      try {
        await gateway.writeCell!(sheet, cell, expect, content);
      } catch (error) {
        ownEdits.current.delete(key);
        throw error;
      }
    },
    [gateway],
  );
  const applyFix = useCallback(
    (plan: FixPlan) =>
      exclusive("修改单元格", async () => {
        setNotices([]);
        await writeOwn(plan.sheet, plan.cell, plan.before, plan.after);
        setFixes((list) => [{ ...plan }, ...list.filter((f) => f.findingId !== plan.findingId)]);
        await checkNow(afterWrite(runRef.current.scope, plan.sheet));
        notify("success", `已修改 ${plan.sheet}!${plan.cell}：${plan.beforeText} → ${plan.afterText}，并重新检查了该表。`);
      }),
    [exclusive, writeOwn, checkNow, notify],
  );

  const undoFix = useCallback(
    (fix: AppliedFix) =>
      exclusive("撤销修改", async () => {
        setNotices([]);
        const { expect, restore } = undoOf(fix);
        await writeOwn(fix.sheet, fix.cell, expect, restore);
        setFixes((list) => list.map((f) => (f.findingId === fix.findingId ? { ...f, undone: true } : f)));
        await checkNow(afterWrite(runRef.current.scope, fix.sheet));
        notify("success", `已撤销对 ${fix.sheet}!${fix.cell} 的修改。`);
      }),
    [exclusive, writeOwn, checkNow, notify],
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

  const ignoredIds = useMemo(() => new Set(settings.ignored), [settings.ignored]);
  const all = useMemo(() => run?.findings ?? [], [run]);
  const active = useMemo(() => all.filter((f) => !ignoredIds.has(f.id)), [all, ignoredIds]);

  return {
    settings,
    checked: run !== null,
    run: run ?? EMPTY_RUN,
    findings: all,
    active,
    ignoredIds,
    currentId,
    stale,
    fixes,
    progress,
    busy,
    notices,
    dismiss,
    check,
    recheck,
    clearMarks,
    ignore,
    restore,
    resetIgnored,
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
