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
});

export interface TemplateDownloadsProps {
  busy: boolean;
  onDownload(kind: TemplateKind): void;
}

/** The add-in's blank templates (the same specs as 「插入模板」), each as its own .xlsx file. */
export function TemplateDownloads({ busy, onDownload }: TemplateDownloadsProps) {
  const styles = useStyles();
  return (
    <div className={styles.list}>
      {TEMPLATE_CATALOG.map((t) => (
        <section key={t.kind} className={styles.card} aria-label={t.title}>
          <h2 className={styles.title}>{t.title}</h2>
          <Text>{t.description}</Text>
          <div>
            <Button appearance="primary" disabled={busy} onClick={() => onDownload(t.kind)} aria-label={`下载模板：${t.title}`}>
              下载模板
            </Button>
          </div>
        </section>
      ))}
    </div>
  );
}
