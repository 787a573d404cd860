import { Button, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { ProblemBar } from "../taskpane/components/ProblemBar";
import { ProgressPanel } from "../taskpane/components/ProgressPanel";
import { SettingsPanel } from "../taskpane/components/SettingsPanel";
import { Summary } from "../taskpane/components/Summary";
import { TemplatesView } from "../taskpane/components/TemplatesView";
import { FindingsView } from "../taskpane/findings";
import { FileOpener } from "./components/FileOpener";
import { SheetPreview } from "./components/SheetPreview";
import { BrowserStore } from "./browser-store";
import { CheckEngine } from "./engine";
import { SaveFile, useWorkbookCheck } from "./useWorkbookCheck";

const WIDE = "@media (min-width: 960px)";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    maxWidth: "1400px",
    margin: "0 auto",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
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
  listPane: { minWidth: 0, [WIDE]: { order: 1 } },
});

type View = "check" | "templates" | "settings";

export interface WebAppProps {
  engine: CheckEngine;
  store: BrowserStore;
  save?: SaveFile;
}

/** 预算表检查（浏览器版）: the command line's checker for a file chosen in the browser. */
const DOWNLOAD = { label: "下载模板", name: (title: string) => `下载模板：${title}` };

const BROWSER_BAND_HINT =
  "差额不超过容差时按「提示」报告舍入差异，超过时按「错误」报告；单位与表内金额单位相同。保存在本浏览器中，对之后检查的文件都有效，与命令行的 --tolerance 相同。";

export function WebApp({ engine, store, save }: WebAppProps) {
  const styles = useStyles();
  const c = useWorkbookCheck(engine, store, save);
  const [view, setView] = useState<View>("check");

  return (
    <main className={styles.root}>
      <h1 className={styles.title}>预算表检查（浏览器版）</h1>
      <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as View)} size="small">
        <Tab value="check">检查</Tab>
        <Tab value="templates">下载模板</Tab>
        <Tab value="settings">设置</Tab>
      </TabList>
      <ProblemBar notices={c.notices} onDismiss={c.dismiss} />
      {c.progress && <ProgressPanel progress={c.progress} />}
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
              />
              <div className={styles.actions}>
                <Button appearance="primary" disabled={c.busy} onClick={() => void c.downloadAnnotated()}>
                  下载标注副本
                </Button>
                <Button disabled={c.busy} onClick={c.downloadJson}>
                  下载结果（JSON）
                </Button>
              </div>
              <div className={styles.results}>
                {c.selected && (
                  <div className={styles.previewPane}>
                    <SheetPreview finding={c.selected} preview={c.preview} onClose={c.closePreview} />
                  </div>
                )}
                <div className={styles.listPane}>
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
            <Text className={styles.hint}>
              选择或拖入一个预算表工作簿（.xlsx /
              .xlsm），检查收支总表的合计是否相符、绩效指标是否规范。文件只在本机浏览器中读取和检查，不会上传到任何地方；页面加载后断网也能使用。
            </Text>
          )}
        </>
      )}
      {view === "templates" && (
        <TemplatesView busy={c.busy} onInsert={(kind) => void c.downloadTemplate(kind)} action={DOWNLOAD} />
      )}
      {view === "settings" && (
        <SettingsPanel tolerance={c.tolerance} busy={c.busy} onSaveTolerance={c.saveTolerance} hint={BROWSER_BAND_HINT} />
      )}
    </main>
  );
}
