import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Finding, Severity } from "../core/finding";
import { ProgressStage, countBySeverity, runCheck } from "../excel/check-flow";
import { AddinSettings, DEFAULT_SETTINGS, GatewayProblem, WorkbookGateway } from "../excel/gateway";
import { TemplateKind } from "../templates/catalog";
import { describeError, validateTolerance } from "./messages";

export type NoticeIntent = "error" | "warning" | "info" | "success";

export interface Notice {
  id: number;
  intent: NoticeIntent;
  text: string;
}

export interface Progress {
  stage: ProgressStage;
  done: number;
  total: number;
}

export type SeverityFilter = Record<Severity, boolean>;

const ALL_SEVERITIES: SeverityFilter = { error: true, warning: true, info: true };

/** Everything the pane does, kept out of the components so they only render. */
export function useChecker(gateway: WorkbookGateway) {
  const [settings, setSettings] = useState<AddinSettings>(DEFAULT_SETTINGS);
  /** null until the first check: "no findings" and "not checked yet" read differently. */
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [checkedSheets, setCheckedSheets] = useState<string[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [filter, setFilter] = useState<SeverityFilter>(ALL_SEVERITIES);
  const [showIgnored, setShowIgnored] = useState(false);

  // Refs let async actions see the latest state without re-creating every callback.
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const busyRef = useRef(false);
  const marksShown = useRef(false);
  const runState = useRef<{ findings: Finding[]; sheets: string[] }>({ findings: [], sheets: [] });
  const nextNoticeId = useRef(1);

  const notify = useCallback((intent: NoticeIntent, text: string) => {
    const id = nextNoticeId.current++;
    setNotices((list) => [...list, { id, intent, text }]);
  }, []);
  const notifyProblems = useCallback(
    (problems: GatewayProblem[]) => problems.forEach((p) => notify("warning", p.sheet && !p.message.includes(p.sheet) ? `「${p.sheet}」：${p.message}` : p.message)),
    [notify],
  );
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  /** Runs one gateway action at a time, so two clicks cannot interleave their writes. */
  const exclusive = useCallback(async (action: string, work: () => Promise<void>) => {
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
  }, [notify]);

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

  const check = useCallback(
    (scope: "active" | "all") =>
      exclusive("检查", async () => {
        setNotices([]);
        setProgress({ stage: "read", done: 0, total: 0 });
        const run = await runCheck(gateway, scope, (stage, done, total) => setProgress({ stage, done, total }));
        const sheets = run.result.sheets.map((s) => s.name);
        runState.current = { findings: run.result.findings, sheets };
        marksShown.current = true;
        setFindings(run.result.findings);
        setCheckedSheets(sheets);
        notifyProblems(run.problems);
        for (const s of run.result.sheets) if (s.note) notify("warning", `「${s.name}」：${s.note}`);
        if (sheets.length === 0) notify("info", "没有可检查的工作表。");
        else if (run.visible.length === 0) notify("success", `已检查 ${sheets.length} 张表，未发现问题。`);
      }),
    [exclusive, gateway, notify, notifyProblems],
  );

  const clearMarks = useCallback(
    () =>
      exclusive("清除标记", async () => {
        const result = await gateway.clearMarks();
        marksShown.current = false;
        notifyProblems(result.problems);
        notify("success", result.count > 0 ? `已清除 ${result.count} 处标记。` : "没有需要清除的标记。");
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
        if (!marksShown.current || runState.current.sheets.length === 0) return;
        const keep = new Set(ignored);
        const visible = runState.current.findings.filter((f) => !keep.has(f.id));
        const painted = await gateway.paint(visible, runState.current.sheets);
        notifyProblems(painted.problems);
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
      try {
        await gateway.select(finding.sheet, finding.cell);
      } catch (error) {
        notify("error", describeError(error, "定位单元格"));
      }
    },
    [gateway, notify],
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
        setSettings(next);
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
        notify("success", `已插入工作表「${sheetName}」。`);
      }),
    [exclusive, gateway, notify],
  );

  const appendProjectBlock = useCallback(
    () =>
      exclusive("添加项目块", async () => {
        const { sheetName } = await gateway.appendProjectBlock();
        notify("success", `已在「${sheetName}」末尾添加一个项目块。`);
      }),
    [exclusive, gateway, notify],
  );

  const ignoredIds = useMemo(() => new Set(settings.ignored), [settings.ignored]);
  const all = findings ?? [];
  const active = useMemo(() => all.filter((f) => !ignoredIds.has(f.id)), [all, ignoredIds]);
  const ignoredCount = all.length - active.length;
  const counts = useMemo(() => countBySeverity(active), [active]);
  const shown = useMemo(
    () => (showIgnored ? all : active).filter((f) => filter[f.severity]),
    [all, active, showIgnored, filter],
  );

  return {
    settings,
    checked: findings !== null,
    checkedSheets,
    counts,
    ignoredCount,
    ignoredIds,
    shown,
    progress,
    busy,
    notices,
    filter,
    showIgnored,
    setFilter,
    setShowIgnored,
    dismiss,
    check,
    clearMarks,
    ignore,
    restore,
    resetIgnored,
    select,
    saveTolerance,
    insertTemplate,
    appendProjectBlock,
  };
}

export type Checker = ReturnType<typeof useChecker>;
