import { Button, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ToolbarProps {
  busy: boolean;
  onCheckSheet(): void;
  onCheckWorkbook(): void;
  onClearMarks(): void;
}

export function Toolbar({ busy, onCheckSheet, onCheckWorkbook, onClearMarks }: ToolbarProps) {
  const styles = useStyles();
  return (
    <div className={styles.bar} role="toolbar" aria-label="检查操作">
      <Button appearance="primary" disabled={busy} onClick={onCheckSheet}>
        检查本表
      </Button>
      <Button appearance="primary" disabled={busy} onClick={onCheckWorkbook}>
        检查工作簿
      </Button>
      <Button disabled={busy} onClick={onClearMarks}>
        清除标记
      </Button>
    </div>
  );
}
