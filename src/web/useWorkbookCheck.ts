import { useCallback, useMemo, useRef, useState } from "react";
import { DEFAULT_TOLERANCE, toleranceProblem } from "../core/tolerance";
import { PASTED_NARRATIVE } from "../core/narrative/sources";
import type { Finding } from "../core/finding";
import type { TemplateKind } from "../templates/catalog";
import { TEMPLATE_CATALOG } from "../templates/catalog";
import { MAX_FILE_BYTES } from "../xlsx/errors";
import { useBusy } from "../ui/hooks/busy";
import { useIgnored } from "../ui/hooks/ignored";
import { useNotices } from "../ui/hooks/notices";
import { BrowserStore, ignoredKey } from "./browser-store";
import { annotatedName, fixedName, saveBytes, XLSM_TYPE, XLSX_TYPE } from "./download";
import { CheckEngine, CheckOutcome, EngineError, FixedCopyOffer } from "./engine";
import { fileBytes } from "../ui/file-bytes";
import { jsonName, jsonReportText } from "./json-report";
import type { PreviewWindow } from "./preview-window";

export interface OpenedFile {
  name: string;
  outcome: CheckOutcome;
  ignoreKey: string;
  /** Changes with every check shown, so the list starts afresh (filters, open groups) for new results. */
  checkId: number;
}

/** A fixed copy made and listed, waiting for the user to download it or not; for one check only. */
export interface FixOffer {
  checkId: number;
  name: string;
  copy: FixedCopyOffer;
}

export type SaveFile = (bytes: Uint8Array | string, fileName: string, type: string) => void;

/** The worker's failures carry the command line's own sentence; anything else is a fault of the page. */
function describeEngineError(error: unknown, action: string): string {
  if (error instanceof EngineError) return error.message;
  console.error(`budget-check: ${action}失败`, error);
  return "操作未能完成，请刷新页面后重试。";
}

/**
 * What only the page does: a file read and checked by the worker engine, previews, downloads and
 * the browser's storage. Messages, busy state and ignored findings behave as in the pane
 * (src/ui/hooks); the components only render.
 */
export function useWorkbookCheck(engine: CheckEngine, store: BrowserStore, save: SaveFile = saveBytes) {
  const { notices, notify, dismiss, clear } = useNotices();
  const { busy, progress, onProgress, exclusive } = useBusy(notify, describeEngineError);
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const nextCheckId = useRef(1);
  const [ignored, setIgnored] = useState<string[]>([]);
  const [tolerance, setTolerance] = useState(() => {
    const stored = store.loadTolerance();
    return stored && !toleranceProblem(stored) ? stored.trim() : DEFAULT_TOLERANCE;
  });
  const [selected, setSelected] = useState<Finding | null>(null);
  const [preview, setPreview] = useState<PreviewWindow | null>(null);

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
      // A clean workbook is said clean once, by the summary line (which never says so when a sheet was not read).
      if (outcome.sheets.length === 0) notify("info", "没有可检查的工作表。");
    },
    [notify, store],
  );

  const openFile = useCallback(
    (file: File) =>
      exclusive("打开文件", async () => {
        clear();
        // Refused before the bytes are loaded into the page, in the reader's own words.
        if (file.size > MAX_FILE_BYTES) {
          notify(
            "error",
            `文件过大（${Math.round(file.size / 1048576)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB），未检查：${file.name}`,
          );
          return;
        }
        onProgress("read", 0, 0);
        let bytes: ArrayBuffer;
        try {
          bytes = await fileBytes(file);
        } catch {
          notify("error", `无法读取文件，请确认文件没有被其他程序占用后重试：${file.name}`);
          return;
        }
        try {
          const outcome = await engine.open({ name: file.name, bytes }, tolerance, onProgress);
          show(file.name, outcome);
        } catch (error) {
          // The previous workbook is closed in the worker as soon as another is opened.
          setOpened(null);
          setSelected(null);
          setPreview(null);
          throw error;
        }
      }),
    [engine, exclusive, clear, notify, onProgress, show, tolerance],
  );

  /** 「与上年对比」: last year's file, read in the worker with the same reader, against the open one. */
  const compareWith = useCallback(
    (file: File) =>
      exclusive("与上年对比", async () => {
        if (!opened) return;
        clear();
        if (file.size > MAX_FILE_BYTES) {
          notify(
            "error",
            `上年文件过大（${Math.round(file.size / 1048576)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB）：${file.name}`,
          );
          return;
        }
        let bytes: ArrayBuffer;
        try {
          bytes = await fileBytes(file);
        } catch {
          notify("error", `无法读取上年文件，请确认文件没有被其他程序占用后重试：${file.name}`);
          return;
        }
        const outcome = await engine.compare({ name: file.name, bytes }, tolerance, onProgress);
        show(opened.name, outcome);
        const yoy = outcome.findings.filter((f) => f.rule.startsWith("YOY-")).length;
        notify("success", `已与上年文件「${file.name}」对比：发现 ${yoy} 项与上年有关的问题。`);
      }),
    [engine, exclusive, clear, notify, onProgress, opened, show, tolerance],
  );

  const stopComparing = useCallback(
    () =>
      exclusive("取消对比", async () => {
        if (!opened) return;
        clear();
        show(opened.name, await engine.uncompare(tolerance, onProgress));
      }),
    [engine, exclusive, clear, onProgress, opened, show, tolerance],
  );

  /** Returns the field's message when the text is not a valid band, null once saved. */
  const saveTolerance = useCallback(
    async (text: string): Promise<string | null> => {
      const invalid = toleranceProblem(text);
      if (invalid) return invalid;
      const next = text.trim();
      setTolerance(next);
      if (!store.saveTolerance(next)) notify("warning", "浏览器不允许保存设置，容差仅在本次打开页面期间有效。");
      if (!opened) {
        notify("success", `容差已设为 ${next}，检查文件时生效。`);
        return null;
      }
      await exclusive("保存容差", async () => {
        clear();
        const outcome = await engine.recheck(next, onProgress);
        show(opened.name, outcome);
        notify("success", `容差已设为 ${next}，已重新检查。`);
      });
      return null;
    },
    [engine, exclusive, clear, notify, onProgress, opened, show, store],
  );

  /** Checks the pasted 说明 with the open workbook (issue 20); "" takes it away. */
  const checkNarrative = useCallback(
    (text: string) =>
      exclusive("核对说明文字", async () => {
        if (!opened) {
          notify("info", "请先打开一个 Excel 文件，说明文字将与其中的表一起核对。");
          return;
        }
        clear();
        const outcome = await engine.recheck(tolerance, onProgress, text);
        show(opened.name, outcome);
        const found = outcome.findings.filter((f) => f.sheet === PASTED_NARRATIVE).length;
        if (text.trim())
          notify(
            found ? "warning" : "success",
            found ? `说明文字中发现 ${found} 个问题，见下方列表。` : "已核对说明文字，未发现问题。",
          );
      }),
    [engine, exclusive, clear, notify, onProgress, opened, show, tolerance],
  );

  /** Shown first, then kept: a browser that refuses storage still ignores for this visit, and says so. */
  const saveIgnored = useCallback(
    (ids: string[]) => {
      if (!opened) return;
      setIgnored(ids);
      if (!store.saveIgnored(opened.ignoreKey, ids))
        notify("warning", "浏览器不允许保存设置，忽略的问题仅在本次打开页面期间有效。");
    },
    [notify, opened, store],
  );
  const all = useMemo(() => opened?.outcome.findings ?? [], [opened]);
  const ignoring = useIgnored(all, ignored, saveIgnored);

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

  /** The findings not ignored go into the copy, as the add-in paints only those. */
  const { active } = ignoring;
  const downloadAnnotated = useCallback(
    () =>
      exclusive("下载标注副本", async () => {
        if (!opened) return;
        onProgress("paint", 0, 1);
        const copy = await engine.annotate(active, onProgress);
        const name = annotatedName(opened.name, copy.macroEnabled);
        save(copy.bytes, name, copy.macroEnabled ? XLSM_TYPE : XLSX_TYPE);
        notify(
          "success",
          `已下载标注副本「${name}」：标注 ${copy.marked} 个单元格，新增批注 ${copy.notes} 条，结果见「${copy.resultSheet}」表；原文件未改动。` +
            (copy.fromXls ? "原文件是旧版 .xls，副本另存为 .xlsx，字体、填充与边框未保留。" : ""),
        );
      }),
    [active, engine, exclusive, notify, onProgress, opened, save],
  );

  /** 「下载修复副本」 first makes the copy and lists its changes; the download waits for 下载. */
  const [fixOffer, setFixOffer] = useState<FixOffer | null>(null);
  const ignoredFindings = useMemo(() => all.filter((f) => ignoring.ignoredIds.has(f.id)), [all, ignoring.ignoredIds]);
  const prepareFixed = useCallback(
    () =>
      exclusive("下载修复副本", async () => {
        if (!opened) return;
        onProgress("paint", 0, 1);
        const copy = await engine.fix(ignoredFindings, onProgress);
        if (copy.cells.length === 0) {
          setFixOffer(null);
          notify("info", "没有可以安全自动修复的问题，未生成修复副本。");
          return;
        }
        setFixOffer({ checkId: opened.checkId, name: fixedName(opened.name, copy.macroEnabled), copy });
      }),
    [engine, exclusive, ignoredFindings, notify, onProgress, opened],
  );
  const downloadFixed = useCallback(() => {
    if (!fixOffer) return;
    save(fixOffer.copy.bytes, fixOffer.name, fixOffer.copy.macroEnabled ? XLSM_TYPE : XLSX_TYPE);
    notify("success", `已下载修复副本「${fixOffer.name}」：修改了 ${fixOffer.copy.cells.length} 个单元格；原文件未改动。`);
    setFixOffer(null);
  }, [fixOffer, notify, save]);
  const cancelFixed = useCallback(() => setFixOffer(null), []);
  /** An offer made for an earlier check (another file, another band) is never shown. */
  const currentFixOffer = fixOffer && opened && fixOffer.checkId === opened.checkId ? fixOffer : null;

  const downloadTemplate = useCallback(
    (kind: TemplateKind) =>
      exclusive("下载模板", async () => {
        const bytes = await engine.template(kind);
        const title = TEMPLATE_CATALOG.find((t) => t.kind === kind)?.title ?? kind;
        save(bytes, `${title}.xlsx`, XLSX_TYPE);
        notify("success", `已下载模板「${title}.xlsx」。`);
      }),
    [engine, exclusive, notify, save],
  );

  const downloadJson = useCallback(() => {
    if (opened) save(jsonReportText(opened.name, opened.outcome), jsonName(opened.name), "application/json");
  }, [opened, save]);

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
    ...ignoring,
    sheetNames,
    sheetKinds,
    incomplete,
    selected,
    preview,
    dismiss,
    openFile,
    compareWith,
    stopComparing,
    saveTolerance,
    checkNarrative,
    select,
    downloadAnnotated,
    fixOffer: currentFixOffer,
    prepareFixed,
    downloadFixed,
    cancelFixed,
    downloadTemplate,
    downloadJson,
    closePreview,
  };
}

export type WorkbookCheck = ReturnType<typeof useWorkbookCheck>;
