import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { SEVERITY_LABEL, Severity } from "../../core/finding";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "baseline" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
});

export interface SummaryProps {
  counts: Record<Severity, number>;
  ignoredCount: number;
  sheetCount: number;
}

const ORDER: Severity[] = ["error", "warning", "info"];

/** The counts of the findings not ignored, by severity. */
export function Summary({ counts, ignoredCount, sheetCount }: SummaryProps) {
  const styles = useStyles();
  return (
    <div className={styles.row} aria-label="检查结果汇总" role="status">
      <Text>已检查 {sheetCount} 张表</Text>
      {ORDER.map((s) => (
        <Text key={s} weight="semibold" className={styles[s]} data-testid={`count-${s}`}>
          {SEVERITY_LABEL[s]} {counts[s]}
        </Text>
      ))}
      {ignoredCount > 0 && <Text className={styles.info}>已忽略 {ignoredCount}</Text>}
    </div>
  );
}
