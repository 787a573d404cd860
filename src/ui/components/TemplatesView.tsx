import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { TEMPLATE_CATALOG, TemplateKind } from "../../templates/catalog";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex" },
});

export interface TemplatesViewProps {
  busy: boolean;
  onInsert(kind: TemplateKind): void;
  /** Only where there is a workbook to add to (the pane, not check.html). */
  onAppendProjectBlock?(): void;
  /** The button's text and its accessible name: inserting a sheet in Excel by default, downloading on check.html. */
  action?: { label: string; name(title: string): string };
}

const INSERT = { label: "插入模板", name: (title: string) => `插入${title}` };

/** Blank templates from the catalogue, each inserted as a new sheet (or, in the browser, downloaded as a file). */
export function TemplatesView({ busy, onInsert, onAppendProjectBlock, action = INSERT }: TemplatesViewProps) {
  const styles = useStyles();
  return (
    <div className={styles.list}>
      {TEMPLATE_CATALOG.map((t) => (
        <section key={t.kind} className={styles.card} aria-label={t.title}>
          <h2 className={styles.title}>{t.title}</h2>
          <Text>{t.description}</Text>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy} onClick={() => onInsert(t.kind)} aria-label={action.name(t.title)}>
              {action.label}
            </Button>
          </div>
        </section>
      ))}
      {onAppendProjectBlock && (
        <section className={styles.card} aria-label="添加项目块">
          <h2 className={styles.title}>添加项目块</h2>
          <Text>在当前的绩效指标模板表末尾再添加一个空白项目块，格式与下拉选项与已有项目块相同。请先选中该表。</Text>
          <div className={styles.actions}>
            <Button disabled={busy} onClick={onAppendProjectBlock}>
              添加项目块
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
