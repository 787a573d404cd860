import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { packageLine } from "../core/package";
import { CompareOpener } from "../ui/components/CompareOpener";
import { SettingsPanel } from "../ui/components/SettingsPanel";
import { Hint, Shell, View } from "../ui/components/Shell";
import { Summary } from "../ui/components/Summary";
import { TemplatesView } from "../ui/components/TemplatesView";
import { FindingsView } from "../ui/findings";
import { FileOpener } from "./components/FileOpener";
import { NarrativeBox } from "../ui/components/NarrativeBox";
import { FixOfferPanel } from "./components/FixOffer";
import { SheetPreview } from "./components/SheetPreview";
import { BrowserStore } from "./browser-store";
import { CheckEngine } from "./engine";
import { SaveFile, useWorkbookCheck } from "./useWorkbookCheck";

const WIDE = "@media (min-width: 960px)";

const useStyles = makeStyles({
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  results: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingHorizontalL,
    [WIDE]: { gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)" },
  },
  // On a phone the preview sits above the list and stays in view while the list scrolls under it.
  previewPane: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    [WIDE]: { order: 2, alignSelf: "start", top: "8px", borderBottom: "none" },
  },
  // A card brought into view (selected, stepped to) stops below the sticky preview, never under it.
  listPane: {
    minWidth: 0,
    "& li[data-finding-id]": { scrollMarginTop: "calc(var(--preview-height, 0px) + 8px)" },
    [WIDE]: { order: 1, "& li[data-finding-id]": { scrollMarginTop: "8px" } },
  },
});

/**
 * The preview's height, kept in `--preview-height` for the list's scroll margin, and the current card
 * kept in view below it: on a phone the preview is sticky above the list, and once it opens or
 * grows it would otherwise cover the card's sheet!cell and 项目 that the user just chose.
 */
function useCardBelowPreview(selectedId: string | null, preview: unknown) {
  const pane = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  const open = selectedId !== null;
  useEffect(() => {
    const el = pane.current;
    if (!el) return setHeight(0);
    setHeight(el.offsetHeight);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setHeight(el.offsetHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [open]);
  useEffect(() => {
    list.current?.style.setProperty("--preview-height", `${height}px`);
    list.current?.querySelector<HTMLElement>('li[aria-current="true"]')?.scrollIntoView?.({ block: "nearest" });
  }, [selectedId, preview, height]);
  return { pane, list };
}

export interface WebAppProps {
  engine: CheckEngine;
  store: BrowserStore;
  save?: SaveFile;
}

const DOWNLOAD = { label: "下载模板", name: (title: string) => `下载模板：${title}` };

const BROWSER_BAND_HINT =
  "差额不超过容差时按「提示」报告舍入差异，超过时按「错误」报告；单位与表内金额单位相同。保存在本浏览器中，对之后检查的文件都有效，与命令行的 --tolerance 相同。";

/**
 * 预算表检查（浏览器版）: the command line's checker for a file chosen in the browser. It never changes
 * the file: its fixes go into a copy (「下载修复副本」), listed before it is downloaded.
 */
export function WebApp({ engine, store, save }: WebAppProps) {
  const styles = useStyles();
  const c = useWorkbookCheck(engine, store, save);
  const [view, setView] = useState<View>("check");
  const { pane, list } = useCardBelowPreview(c.selected?.id ?? null, c.preview);

  return (
    <Shell
      title="预算表检查（浏览器版）"
      templatesTab="下载模板"
      view={view}
      onView={setView}
      notices={c.notices}
      onDismiss={c.dismiss}
      progress={c.progress}
      wide
    >
      {view === "check" && (
        <>
          <FileOpener busy={c.busy} onFile={(file) => void c.openFile(file)} />
          {c.opened ? (
            <>
              <Text className={styles.fileName}>{c.opened.name}</Text>
              <Summary
                sheetCount={c.opened.outcome.sheets.length}
                total={c.active.length}
                ignoredCount={c.ignoredCount}
                incomplete={c.incomplete}
                stated={c.opened.outcome.package && packageLine(c.opened.outcome.package)}
              />
              <CompareOpener
                busy={c.busy}
                compared={c.opened.outcome.compared}
                onFile={(file) => void c.compareWith(file)}
                onStop={() => void c.stopComparing()}
              />
              <div className={styles.actions}>
                <Button appearance="primary" disabled={c.busy} onClick={() => void c.downloadAnnotated()}>
                  下载标注副本
                </Button>
                <Button disabled={c.busy} onClick={() => void c.prepareFixed()}>
                  下载修复副本
                </Button>
                <Button disabled={c.busy} onClick={c.downloadJson}>
                  下载结果（JSON）
                </Button>
              </div>
              <NarrativeBox busy={c.busy} onCheck={(text) => void c.checkNarrative(text)} />
              {c.fixOffer && (
                <FixOfferPanel offer={c.fixOffer} busy={c.busy} onDownload={c.downloadFixed} onCancel={c.cancelFixed} />
              )}
              <div className={styles.results}>
                {c.selected && (
                  <div ref={pane} className={styles.previewPane}>
                    <SheetPreview finding={c.selected} preview={c.preview} onClose={c.closePreview} />
                  </div>
                )}
                <div ref={list} className={styles.listPane}>
                  <FindingsView
                    key={c.opened.checkId}
                    findings={c.all}
                    sheets={c.sheetNames}
                    ignoredIds={c.ignoredIds}
                    currentId={c.selected?.id ?? null}
                    sheetKinds={c.sheetKinds}
                    sheetUnits={c.opened.outcome.units}
                    busy={c.busy}
                    onGo={(f) => void c.select(f)}
                    onIgnore={c.ignore}
                    onRestore={c.restore}
                    onResetIgnored={c.resetIgnored}
                  />
                </div>
              </div>
            </>
          ) : (
            <Hint>
              选择或拖入一个预算表工作簿（.xlsx / .xlsm /
              .xls），检查收支总表的合计是否相符、绩效指标是否规范。文件只在本机浏览器中读取和检查，不会上传到任何地方；页面加载后断网也能使用。
            </Hint>
          )}
        </>
      )}
      {view === "templates" && (
        <TemplatesView busy={c.busy} onInsert={(kind) => void c.downloadTemplate(kind)} action={DOWNLOAD} />
      )}
      {view === "settings" && (
        <SettingsPanel tolerance={c.tolerance} busy={c.busy} onSaveTolerance={c.saveTolerance} hint={BROWSER_BAND_HINT} />
      )}
    </Shell>
  );
}
