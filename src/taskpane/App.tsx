import { CompareOpener } from "../ui/components/CompareOpener";
import { Button } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { WorkbookGateway } from "../excel/gateway";
import { SettingsPanel } from "../ui/components/SettingsPanel";
import { Hint, Shell, View } from "../ui/components/Shell";
import { Summary } from "../ui/components/Summary";
import { TemplatesView } from "../ui/components/TemplatesView";
import { FindingsView, summaryText } from "../ui/findings";
import { copyText } from "./clipboard";
import { FixButton } from "./components/FixButton";
import { FixedList } from "./components/FixedList";
import { StaleBar } from "./components/StaleBar";
import { Toolbar } from "./components/Toolbar";
import { Launch } from "./launch";
import { useChecker } from "./useChecker";

export interface AppProps {
  gateway: WorkbookGateway;
  launch?: Launch;
}

export function App({ gateway, launch = { view: "check", checkWorkbook: false } }: AppProps) {
  const checker = useChecker(gateway);
  const [view, setView] = useState<View>(launch.view);

  // The ribbon's 检查工作簿 button opens the pane with ?action=checkWorkbook; run it once.
  const launched = useRef(false);
  const { check } = checker;
  useEffect(() => {
    if (launch.checkWorkbook && !launched.current) {
      launched.current = true;
      void check("all");
    }
  }, [launch.checkWorkbook, check]);

  const { run } = checker;
  const copySummary = () => copyText(summaryText(checker.active, run.sheets, run.units));

  return (
    <Shell
      title="预算表检查"
      templatesTab="插入模板"
      view={view}
      onView={setView}
      toolbar={
        view === "check" && (
          <Toolbar
            busy={checker.busy}
            onCheckSheet={() => void checker.check("active")}
            onCheckWorkbook={() => void checker.check("all")}
            onClearMarks={() => void checker.clearMarks()}
          />
        )
      }
      notices={checker.notices}
      onDismiss={checker.dismiss}
      progress={checker.progress}
    >
      {view === "check" && (
        <>
          {checker.stale && <StaleBar busy={checker.busy} onRecheck={() => void checker.recheck()} />}
          <FixedList fixes={checker.fixes} busy={checker.busy} onUndo={(f) => void checker.undoFix(f)} />
          {checker.checked ? (
            <>
              <CompareOpener
                busy={checker.busy}
                compared={checker.compared}
                onFile={(file) => void checker.compareWith(file)}
                onStop={() => void checker.stopComparing()}
              />
              <Summary
                sheetCount={run.sheets.length}
                total={checker.active.length}
                incomplete={run.incomplete}
                ignoredCount={checker.ignoredCount}
              />
              <FindingsView
                findings={checker.findings}
                sheets={run.sheets}
                ignoredIds={checker.ignoredIds}
                currentId={checker.currentId}
                sheetKinds={run.kinds}
                sheetUnits={run.units}
                busy={checker.busy}
                onGo={(f) => void checker.select(f)}
                onIgnore={checker.ignore}
                onRestore={checker.restore}
                onResetIgnored={checker.resetIgnored}
                fixRules={checker.fixRules}
                renderActions={(f) => {
                  const plan = checker.fixFor(f);
                  return plan ? <FixButton plan={plan} busy={checker.busy} onApply={(p) => void checker.applyFix(p)} /> : null;
                }}
                extraButtons={
                  <>
                    {checker.canExport && (
                      <Button size="small" disabled={checker.busy} onClick={() => void checker.exportResults()}>
                        导出结果
                      </Button>
                    )}
                    <CopyButton onCopy={copySummary} />
                  </>
                }
              />
            </>
          ) : (
            <Hint>点击「检查本表」或「检查工作簿」，检查合计是否相符、指标值是否规范。发现的问题会在表中标出，并列在这里。</Hint>
          )}
        </>
      )}
      {view === "templates" && (
        <TemplatesView
          busy={checker.busy}
          onInsert={(kind) => void checker.insertTemplate(kind)}
          onAppendProjectBlock={() => void checker.appendProjectBlock()}
        />
      )}
      {view === "settings" && (
        <SettingsPanel tolerance={checker.settings.tolerance} busy={checker.busy} onSaveTolerance={checker.saveTolerance} />
      )}
    </Shell>
  );
}

/** 「复制摘要」 says on the button itself whether it worked, so no message bar is needed. */
function CopyButton({ onCopy }: { onCopy(): Promise<boolean> }) {
  const [state, setState] = useState<"idle" | "done" | "failed">("idle");
  useEffect(() => {
    // A failure stays on the button until the next click; a success goes by itself.
    if (state !== "done") return;
    const t = setTimeout(() => setState("idle"), 3000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <Button size="small" onClick={() => void onCopy().then((ok) => setState(ok ? "done" : "failed"))}>
      {state === "done" ? "已复制" : state === "failed" ? "复制失败" : "复制摘要"}
    </Button>
  );
}
