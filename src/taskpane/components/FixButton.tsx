import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { FixPlan } from "../../core/fixes";

const useStyles = makeStyles({
  wrap: { display: "contents" },
  panel: {
    flexBasis: "100%",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  row: { display: "flex", gap: tokens.spacingHorizontalS },
  write: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** A safe fix, shown before it is applied: what each cell holds now and what it will hold. */
export function FixButton({ plan, busy, onApply }: { plan: FixPlan; busy: boolean; onApply(plan: FixPlan): void }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [first] = plan.writes;
  const panelId = `fix-${first.cell}`;
  const where = plan.writes.map((w) => `${w.sheet}!${w.cell}`).join("、");
  return (
    <span className={styles.wrap}>
      <Button
        size="small"
        appearance="primary"
        disabled={busy}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        {plan.label}
      </Button>
      {open && (
        <span className={styles.panel} id={panelId} role="group" aria-label={`${plan.label}：${where}`}>
          <Text weight="semibold">
            {plan.writes.length === 1 ? `只修改 ${where} 这一个单元格` : `只修改 ${where} 这 ${plan.writes.length} 个单元格`}
          </Text>
          {plan.writes.map((w) => (
            <span key={`${w.sheet}!${w.cell}`} className={styles.write}>
              {plan.writes.length > 1 && (
                <Text weight="semibold">
                  {w.sheet}!{w.cell}
                </Text>
              )}
              <Text>
                修改前：<span className={styles.code}>{w.beforeText}</span>
              </Text>
              <Text>
                修改后：<span className={styles.code}>{w.afterText}</span>
              </Text>
            </span>
          ))}
          <span className={styles.row}>
            <Button appearance="primary" size="small" disabled={busy} onClick={() => onApply(plan)}>
              确认修改
            </Button>
            <Button size="small" onClick={() => setOpen(false)}>
              取消
            </Button>
          </span>
        </span>
      )}
    </span>
  );
}
