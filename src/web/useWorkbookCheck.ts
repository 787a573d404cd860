import { useCallback, useMemo, useRef, useState } from "react";
import { DEFAULT_TOLERANCE, toleranceProblem } from "../core/tolerance";
import type { Finding } from "../core/finding";
import type { TemplateKind } from "../templates/catalog";
import { TEMPLATE_CATALOG } from "../templates/catalog";
import type { Progress } from "../core/progress";
import type { Notice, NoticeIntent } from "../taskpane/useChecker";
import { BrowserStore, ignoredKey } from "./browser-store";
import { annotatedName, saveBytes, XLSM_TYPE, XLSX_TYPE } from "./download";
import { CheckEngine, CheckOutcome, EngineError } from "./engine";
import { fileBytes } from "./file-bytes";
import { MAX_FILE_BYTES } from "../xlsx/errors";
import { jsonName, jsonReportText } from "./json-report";
import type { PreviewWindow } from "./preview-window";

export interface OpenedFile {
  name: string;
  outcome: CheckOutcome;
  ignoreKey: string;
  /** Changes with every check shown, so the list starts afresh (filters, open groups) for new results. */
  checkId: number;
}

export type SaveFile = (bytes: Uint8Array | string, fileName: string, type: string) => void;

/** Everything the browser page does, kept out of the components so they only render. */
export function useWorkbookCheck(engine: CheckEngine, store: BrowserStore, save: SaveFile = saveBytes) {
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const [ignored, setIgnored] = useState<string[]>([]);
  const [tolerance, setTolerance] = useState(() => {
    const stored = store.loadTolerance();
    return stored && !toleranceProblem(stored) ? stored.trim() : DEFAULT_TOLERANCE;
  });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [selected, setSelected] = useState<Finding | null>(null);
  const [preview, setPreview] = useState<PreviewWindow | null>(null);

  const busyRef = useRef(false);
  const nextNoticeId = useRef(1);
  const nextCheckId = useRef(1);
  const toleranceRef = useRef(tolerance);
  toleranceRef.current = tolerance;
  const openedRef = useRef(opened);
  openedRef.current = opened;
  const ignoredRef = useRef(ignored);
  ignoredRef.current = ignored;

  const notify = useCallback((intent: NoticeIntent, text: string) => {
    const id = nextNoticeId.current++;
    setNotices((list) => [...list, { id, intent, text }]);
  }, []);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  /** One action at a time: a second file dropped mid-read waits for nothing and is refused politely. */
  const exclusive = useCallback(
    async (work: () => Promise<void>) => {
      if (busyRef.current) {
        notify("info", "上一项操作尚未完成，请稍候。");
        return;
      }
      busyRef.current = true;
      setBusy(true);
      try {
        await work();
      } catch (error) {
        if (error instanceof EngineError) notify("error", error.message);
        else {
          console.error("budget-check", error);
          notify("error", "操作未能完成，请刷新页面后重试。");
        }
      } finally {
        busyRef.current = false;
        setBusy(false);
        setProgress(null);
      }
    },
    [notify],
  );

  const onProgress = useCallback(
    (stage: Progress["stage"], done: number, total: number) => setProgress({ stage, done, total }),
    [],
  );

  const show = useCallback(
    (name: string, outcome: CheckOutcome) => {
      const key = ignoredKey(
        name,
        outcome.sheets.map((s) => s.name),
      );
      setOpened({ name, outcome, ignoreKey: key, checkId: nextCheckId.current++ });
      setIgnored(store.loadIgnored(key));
      setSelected(null);
      setPreview(null);
      for (const note of outcome.notes) notify("info", note);
      for (const s of outcome.sheets) if (s.note) notify("warning", `「${s.name}」：${s.note}`);
      if (outcome.sheets.length === 0) notify("info", "没有可检查的工作表。");
      else if (outcome.findings.length === 0) notify("success", `已检查 ${outcome.sheets.length} 张表，未发现问题。`);
    },
    [notify, store],
  );

  const openFile = useCallback(
    (file: File) =>
      exclusive(async () => {
        setNotices([]);
        // Refused before the bytes are loaded into the page, in the reader's own words.
        if (file.size > MAX_FILE_BYTES) {
          notify(
            "error",
            `文件过大（${Math.round(file.size / 1048576)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB），未检查：${file.name}`,
          );
          return;
        }
        setProgress({ stage: "read", done: 0, total: 0 });
        let bytes: ArrayBuffer;
        try {
          bytes = await fileBytes(file);
        } catch {
          notify("error", `无法读取文件，请确认文件没有被其他程序占用后重试：${file.name}`);
          return;
        }
        try {
          const outcome = await engine.open({ name: file.name, bytes }, toleranceRef.current, onProgress);
          show(file.name, outcome);
        } catch (error) {
          // The previous workbook is closed in the worker as soon as another is opened.
          setOpened(null);
          setSelected(null);
          setPreview(null);
          throw error;
        }
      }),
    [engine, exclusive, notify, onProgress, show],
  );

  /** Returns the field's message when the text is not a valid band, null once saved. */
  const saveTolerance = useCallback(
    async (text: string): Promise<string | null> => {
      const invalid = toleranceProblem(text);
      if (invalid) return invalid;
      const next = text.trim();
      setTolerance(next);
      toleranceRef.current = next;
      if (!store.saveTolerance(next)) notify("warning", "浏览器不允许保存设置，容差仅在本次打开页面期间有效。");
      const current = openedRef.current;
      if (!current) {
        notify("success", `容差已设为 ${next}，检查文件时生效。`);
        return null;
      }
      await exclusive(async () => {
        setNotices([]);
        const outcome = await engine.recheck(next, onProgress);
        show(current.name, outcome);
        notify("success", `容差已设为 ${next}，已重新检查。`);
      });
      return null;
    },
    [engine, exclusive, notify, onProgress, show, store],
  );

  const saveIgnored = useCallback(
    (ids: string[]) => {
      const current = openedRef.current;
      if (!current) return;
      setIgnored(ids);
      if (!store.saveIgnored(current.ignoreKey, ids))
        notify("warning", "浏览器不允许保存设置，忽略的问题仅在本次打开页面期间有效。");
    },
    [notify, store],
  );
  const ignore = useCallback(
    (f: Finding) => saveIgnored([...ignoredRef.current.filter((id) => id !== f.id), f.id]),
    [saveIgnored],
  );
  const restore = useCallback((f: Finding) => saveIgnored(ignoredRef.current.filter((id) => id !== f.id)), [saveIgnored]);
  const resetIgnored = useCallback(() => saveIgnored([]), [saveIgnored]);

  const select = useCallback(
    async (finding: Finding) => {
      setSelected(finding);
      try {
        setPreview(await engine.preview(finding));
      } catch (error) {
        setPreview(null);
        notify("error", error instanceof EngineError ? error.message : "无法显示预览。");
      }
    },
    [engine, notify],
  );

  const ignoredIds = useMemo(() => new Set(ignored), [ignored]);
  const all = useMemo(() => opened?.outcome.findings ?? [], [opened]);
  const active = useMemo(() => all.filter((f) => !ignoredIds.has(f.id)), [all, ignoredIds]);

  /** The findings not ignored go into the copy, as the add-in paints only those. */
  const downloadAnnotated = useCallback(
    () =>
      exclusive(async () => {
        const current = openedRef.current;
        if (!current) return;
        setProgress({ stage: "paint", done: 0, total: 1 });
        const copy = await engine.annotate(active, onProgress);
        const name = annotatedName(current.name, copy.macroEnabled);
        save(copy.bytes, name, copy.macroEnabled ? XLSM_TYPE : XLSX_TYPE);
        notify(
          "success",
          `已下载标注副本「${name}」：标注 ${copy.marked} 个单元格，新增批注 ${copy.notes} 条，结果见「${copy.resultSheet}」表；原文件未改动。`,
        );
      }),
    [active, engine, exclusive, notify, onProgress, save],
  );

  const downloadTemplate = useCallback(
    (kind: TemplateKind) =>
      exclusive(async () => {
        const bytes = await engine.template(kind);
        const title = TEMPLATE_CATALOG.find((t) => t.kind === kind)?.title ?? kind;
        save(bytes, `${title}.xlsx`, XLSX_TYPE);
        notify("success", `已下载模板「${title}.xlsx」。`);
      }),
    [engine, exclusive, notify, save],
  );

  const downloadJson = useCallback(() => {
    const current = openedRef.current;
    if (current) save(jsonReportText(current.name, current.outcome), jsonName(current.name), "application/json");
  }, [save]);

  const closePreview = useCallback(() => {
    setSelected(null);
    setPreview(null);
  }, []);

  const sheetNames = useMemo(() => opened?.outcome.sheets.map((s) => s.name) ?? [], [opened]);
  const sheetKinds = useMemo(() => Object.fromEntries(opened?.outcome.sheets.map((s) => [s.name, s.kind]) ?? []), [opened]);
  /** A sheet skipped or not understood: the page must not say “no problems”. */
  const incomplete = !!opened && (opened.outcome.skipped.length > 0 || opened.outcome.sheets.some((s) => s.note));

  return {
    opened,
    tolerance,
    progress,
    busy,
    notices,
    all,
    active,
    sheetNames,
    sheetKinds,
    incomplete,
    ignoredIds,
    ignoredCount: all.length - active.length,
    selected,
    preview,
    dismiss,
    openFile,
    saveTolerance,
    ignore,
    restore,
    resetIgnored,
    select,
    downloadAnnotated,
    downloadTemplate,
    downloadJson,
    closePreview,
  };
}

export type WorkbookCheck = ReturnType<typeof useWorkbookCheck>;
