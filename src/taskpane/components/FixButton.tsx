import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { FixPlan } from "../fixes";

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
});

/** A safe fix, shown before it is applied: what the cell holds now and what it will hold. */
export function FixButton({ plan, busy, onApply }: { plan: FixPlan; busy: boolean; onApply(plan: FixPlan): void }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const panelId = `fix-${plan.cell}`;
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
        <span className={styles.panel} id={panelId} role="group" aria-label={`${plan.label}：${plan.sheet}!${plan.cell}`}>
          <Text weight="semibold">
            只修改 {plan.sheet}!{plan.cell} 这一个单元格
          </Text>
          <Text>
            修改前：<span className={styles.code}>{plan.beforeText}</span>
          </Text>
          <Text>
            修改后：<span className={styles.code}>{plan.afterText}</span>
          </Text>
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
