import { Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { WorkbookGateway } from "../excel/gateway";
import { FilterBar } from "./components/FilterBar";
import { FindingList } from "./components/FindingList";
import { ProblemBar } from "./components/ProblemBar";
import { ProgressPanel } from "./components/ProgressPanel";
import { SettingsPanel } from "./components/SettingsPanel";
import { Summary } from "./components/Summary";
import { TemplatesView } from "./components/TemplatesView";
import { Toolbar } from "./components/Toolbar";
import { Launch } from "./launch";
import { useChecker } from "./useChecker";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

type View = "check" | "templates" | "settings";

export interface AppProps {
  gateway: WorkbookGateway;
  launch?: Launch;
}

export function App({ gateway, launch = { view: "check", checkWorkbook: false } }: AppProps) {
  const styles = useStyles();
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

  return (
    <main className={styles.root}>
      <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as View)} size="small">
        <Tab value="check">检查</Tab>
        <Tab value="templates">插入模板</Tab>
        <Tab value="settings">设置</Tab>
      </TabList>
      <ProblemBar notices={checker.notices} onDismiss={checker.dismiss} />
      {checker.progress && <ProgressPanel progress={checker.progress} />}
      {view === "check" && (
        <>
          <Toolbar
            busy={checker.busy}
            onCheckSheet={() => void checker.check("active")}
            onCheckWorkbook={() => void checker.check("all")}
            onClearMarks={() => void checker.clearMarks()}
          />
          {checker.checked ? (
            <>
              <Summary counts={checker.counts} ignoredCount={checker.ignoredCount} sheetCount={checker.checkedSheets.length} />
              <FilterBar
                filter={checker.filter}
                showIgnored={checker.showIgnored}
                ignoredCount={checker.settings.ignored.length}
                busy={checker.busy}
                onFilterChange={checker.setFilter}
                onShowIgnoredChange={checker.setShowIgnored}
                onResetIgnored={() => void checker.resetIgnored()}
              />
              <FindingList
                findings={checker.shown}
                ignoredIds={checker.ignoredIds}
                busy={checker.busy}
                onSelect={(f) => void checker.select(f)}
                onIgnore={(f) => void checker.ignore(f)}
                onRestore={(f) => void checker.restore(f)}
              />
            </>
          ) : (
            <Text className={styles.hint}>点击「检查本表」或「检查工作簿」，检查合计是否相符、指标值是否规范。发现的问题会在表中标出，并列在这里。</Text>
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
    </main>
  );
}
