import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { Finding } from "../../core/finding";
import { groupFindings } from "../grouping";
import { FindingItem } from "./FindingItem";

const useStyles = makeStyles({
  sheet: { marginTop: tokens.spacingVerticalM },
  sheetTitle: { display: "block", fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  ruleTitle: { display: "block", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0 0` },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  empty: { display: "block", marginTop: tokens.spacingVerticalM, color: tokens.colorNeutralForeground3 },
});

export interface FindingListProps {
  findings: Finding[];
  ignoredIds: ReadonlySet<string>;
  busy: boolean;
  onSelect(finding: Finding): void;
  onIgnore(finding: Finding): void;
  onRestore(finding: Finding): void;
}

/** Findings grouped by sheet, then by rule (the rule's catalogue title heads each group). */
export function FindingList({ findings, ignoredIds, ...handlers }: FindingListProps) {
  const styles = useStyles();
  if (findings.length === 0) return <Text className={styles.empty}>没有符合筛选条件的问题。</Text>;
  return (
    <div aria-label="检查结果">
      {groupFindings(findings).map((sheet) => (
        <section key={sheet.sheet} className={styles.sheet} aria-label={`工作表 ${sheet.sheet}`}>
          <h2 className={styles.sheetTitle}>
            {sheet.sheet}（{sheet.count}）
          </h2>
          {sheet.rules.map((rule) => (
            <section key={rule.rule} aria-label={rule.title}>
              <h3 className={styles.ruleTitle}>{rule.title}</h3>
              <ul className={styles.list}>
                {rule.findings.map((f) => (
                  <FindingItem key={f.id} finding={f} ignored={ignoredIds.has(f.id)} {...handlers} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
