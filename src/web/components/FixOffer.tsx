import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ruleById } from "../../core/catalogue";
import type { FixOffer } from "../useWorkbookCheck";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  place: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface FixOfferProps {
  offer: FixOffer;
  busy: boolean;
  onDownload(): void;
  onCancel(): void;
}

/**
 * 「下载修复副本」's list: every cell the copy changes (before → after, and the rule that asked), the
 * fixes refused and why, and the counts once fixed, shown before anything is downloaded.
 */
export function FixOfferPanel({ offer, busy, onDownload, onCancel }: FixOfferProps) {
  const styles = useStyles();
  const { cells, refused, countsAfter } = offer.copy;
  return (
    <section className={styles.box} aria-label="修复副本将修改的单元格">
      <Text weight="semibold">
        修复副本「{offer.name}」将修改 {cells.length} 个单元格（原文件不会改动）：
      </Text>
      <ul className={styles.list}>
        {cells.map((c) => (
          <li key={`${c.sheet}!${c.cell}`}>
            <span className={styles.place}>
              {c.sheet}!{c.cell}
            </span>
            ：{c.before} → {c.after}　{ruleById(c.rule).title}（{c.rule}）
          </li>
        ))}
      </ul>
      {refused.length > 0 && (
        <>
          <Text>未自动修复 {refused.length} 处：</Text>
          <ul className={styles.list} aria-label="未自动修复">
            {refused.map((r) => (
              <li key={`${r.rule}|${r.sheet}!${r.cell}`}>
                {r.sheet}!{r.cell}（{ruleById(r.rule).title}）：{r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <Text>
        修复后：错误 {countsAfter.error} 项，疑似 {countsAfter.warning} 项，提示 {countsAfter.info} 项
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={onDownload}>
          确认下载
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          取消
        </Button>
      </div>
    </section>
  );
}
