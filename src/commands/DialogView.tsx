import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { SEVERITIES } from "../core/severity";
import { SeverityWord } from "../ui/findings/SeverityWord";
import { CheckSummary } from "./summary";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  counts: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    alignItems: "center",
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  count: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  problems: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface DialogViewProps {
  summary: CheckSummary;
  onClose(): void;
}

/**
 * 「检查本表」's result: which sheet, the counts by severity, what went wrong, and the way to the list.
 * A ribbon command cannot open the task pane without a shared runtime, which the manifest does not
 * declare (see docs/decisions.md), so 「在任务窗格中查看」 says which button opens it.
 */
export function DialogView({ summary, onClose }: DialogViewProps) {
  const styles = useStyles();
  const [hint, setHint] = useState(false);
  return (
    <main className={styles.root}>
      <h1 className={styles.title}>{summary.sheet ? `检查本表：「${summary.sheet}」` : "检查本表"}</h1>
      <Text id="summary">{summary.headline}</Text>
      {summary.counts && (
        <ul className={styles.counts} aria-label="按严重程度计数">
          {SEVERITIES.map((s) => (
            <li key={s} className={styles.count}>
              <SeverityWord severity={s} />
              <Text>{summary.counts![s]} 项</Text>
            </li>
          ))}
        </ul>
      )}
      {summary.problems.length > 0 && (
        <ul className={styles.problems} id="problems" aria-label="未能完成的部分">
          {summary.problems.map((p, i) => (
            <li key={i}>
              <Text>{p}</Text>
            </li>
          ))}
        </ul>
      )}
      {hint && (
        <Text className={styles.hint} role="status">
          请在「开始」选项卡的「预算表检查」组中点击「检查工作簿」：任务窗格会逐条列出问题，并可定位、修复和导出。
        </Text>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => setHint(true)}>
          在任务窗格中查看
        </Button>
        <Button onClick={onClose}>关闭</Button>
      </div>
    </main>
  );
}
