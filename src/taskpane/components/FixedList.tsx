import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { AppliedFix } from "../useChecker";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  text: { overflowWrap: "anywhere" },
});

/**
 * The fixes made in this session. A fixed finding leaves the list on the re-check, so its undo
 * lives here, with the old content it restores.
 */
export function FixedList({ fixes, busy, onUndo }: { fixes: AppliedFix[]; busy: boolean; onUndo(fix: AppliedFix): void }) {
  const styles = useStyles();
  if (fixes.length === 0) return null;
  return (
    <section className={styles.box} aria-labelledby="fixed-title">
      <h2 id="fixed-title" className={styles.title}>
        已修复
      </h2>
      <ul className={styles.list}>
        {fixes.map((f) => (
          <li key={f.findingId} className={styles.item}>
            <Text className={styles.text}>
              {f.writes.map((w) => w.description).join("；")}
              {f.undone ? "（已撤销）" : ""}
            </Text>
            {!f.undone && (
              <Button size="small" disabled={busy} onClick={() => onUndo(f)}>
                撤销
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
