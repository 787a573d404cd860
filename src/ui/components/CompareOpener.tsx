import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";

/** Last year's file: any workbook the reader takes, .xls included. */
const ACCEPT =
  ".xlsx,.xlsm,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12,application/vnd.ms-excel";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  input: { display: "none" },
});

export interface CompareOpenerProps {
  busy: boolean;
  /** Last year's file now compared with, and the tables both years hold; null before any. */
  compared: { file: string; tables: string[] } | null | undefined;
  onFile(file: File): void;
  onStop(): void;
}

/** 「与上年对比」: last year's workbook is chosen here and read from its bytes, never opened in Excel (page and pane). */
export function CompareOpener({ busy, compared, onFile, onStop }: CompareOpenerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.row}>
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept={ACCEPT}
        aria-label="选择上年的 Excel 文件"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) onFile(file);
        }}
      />
      <Button disabled={busy} onClick={() => input.current?.click()}>
        {compared ? "换一个上年文件" : "与上年对比…"}
      </Button>
      {compared && (
        <>
          <Text>
            {compared.tables.length
              ? `已与上年文件「${compared.file}」对比 ${compared.tables.length} 张表：${compared.tables.join("、")}`
              : `上年文件「${compared.file}」中没有与本年相同的标准表，未能对比`}
          </Text>
          <Button appearance="subtle" disabled={busy} onClick={onStop}>
            取消对比
          </Button>
        </>
      )}
    </div>
  );
}
