import { Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "baseline" },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface SummaryProps {
  sheetCount: number;
  total: number;
  ignoredCount: number;
  /** A sheet could not be read or understood: then “no problems” must not be said. */
  incomplete: boolean;
  /** What the workbook's tables state about themselves (year, money unit, 编制单位), said once here. */
  stated?: string;
}

/** What was checked; the counts by severity are the filter buttons of the list below. */
export function Summary({ sheetCount, total, ignoredCount, incomplete, stated }: SummaryProps) {
  const styles = useStyles();
  return (
    <div className={styles.row} role="status">
      <Text>
        已检查 {sheetCount} 张表，
        {total > 0 ? `发现 ${total} 个问题` : incomplete ? "部分工作表未能检查，见上方提示" : "未发现问题"}
      </Text>
      {ignoredCount > 0 && <Text className={styles.muted}>（另有 {ignoredCount} 个已忽略）</Text>}
      {stated && <Text className={styles.muted}>{stated}</Text>}
    </div>
  );
}
