import { Badge, Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Finding, SEVERITY_LABEL, Severity } from "../../core/finding";

const useStyles = makeStyles({
  item: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  ignored: { opacity: 0.6 },
  main: {
    flexGrow: 1,
    minWidth: 0,
    textAlign: "start",
    background: "none",
    border: "none",
    padding: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  head: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", marginBottom: tokens.spacingVerticalXXS },
  cell: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  message: { display: "block", overflowWrap: "anywhere" },
  values: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

export interface FindingItemProps {
  finding: Finding;
  ignored: boolean;
  busy: boolean;
  onSelect(finding: Finding): void;
  onIgnore(finding: Finding): void;
  onRestore(finding: Finding): void;
}

/** One finding; clicking it selects the cell. Text is rendered as text, never as HTML. */
export function FindingItem({ finding, ignored, busy, onSelect, onIgnore, onRestore }: FindingItemProps) {
  const styles = useStyles();
  const hasValues = finding.expected !== undefined && finding.actual !== undefined;
  return (
    <li className={mergeClasses(styles.item, ignored && styles.ignored)} data-finding-id={finding.id}>
      <button type="button" className={styles.main} onClick={() => onSelect(finding)} title={`定位到 ${finding.sheet}!${finding.cell}`}>
        <span className={styles.head}>
          <Badge size="small" appearance="tint" color={BADGE_COLOR[finding.severity]}>
            {SEVERITY_LABEL[finding.severity]}
          </Badge>
          <span className={styles.cell}>{finding.cell}</span>
          {ignored && (
            <Badge size="small" appearance="outline" color="subtle">
              已忽略
            </Badge>
          )}
        </span>
        <span className={styles.message}>{finding.message}</span>
        {hasValues && (
          <span className={styles.values}>
            预期 {finding.expected}　实际 {finding.actual}
            {finding.difference !== undefined && `　相差 ${finding.difference}`}
          </span>
        )}
      </button>
      {ignored ? (
        <Button size="small" appearance="subtle" disabled={busy} onClick={() => onRestore(finding)} aria-label={`恢复：${finding.message}`}>
          恢复
        </Button>
      ) : (
        <Button size="small" appearance="subtle" disabled={busy} onClick={() => onIgnore(finding)} aria-label={`忽略：${finding.message}`}>
          忽略
        </Button>
      )}
    </li>
  );
}
