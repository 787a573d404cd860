import { Button, Popover, PopoverSurface, PopoverTrigger, Text, makeStyles, tokens } from "@fluentui/react-components";
import { FixPlan } from "../fixes";

const useStyles = makeStyles({
  surface: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "280px" },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  row: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** A safe fix, shown before it is applied: what the cell holds now and what it will hold. */
export function FixButton({ plan, busy, onApply }: { plan: FixPlan; busy: boolean; onApply(plan: FixPlan): void }) {
  const styles = useStyles();
  return (
    <Popover withArrow trapFocus>
      <PopoverTrigger disableButtonEnhancement>
        <Button size="small" appearance="primary" disabled={busy} onClick={(e) => e.stopPropagation()}>
          {plan.label}
        </Button>
      </PopoverTrigger>
      <PopoverSurface aria-label={`${plan.label}：${plan.sheet}!${plan.cell}`} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        <div className={styles.surface}>
          <Text weight="semibold">
            只修改 {plan.sheet}!{plan.cell} 这一个单元格
          </Text>
          <Text>
            修改前：<span className={styles.code}>{plan.beforeText}</span>
          </Text>
          <Text>
            修改后：<span className={styles.code}>{plan.afterText}</span>
          </Text>
          <div className={styles.row}>
            <Button appearance="primary" size="small" disabled={busy} onClick={() => onApply(plan)}>
              确认修改
            </Button>
          </div>
        </div>
      </PopoverSurface>
    </Popover>
  );
}
