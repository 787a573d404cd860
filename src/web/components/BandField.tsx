import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "360px" },
});

export interface BandFieldProps {
  tolerance: string;
  busy: boolean;
  /** Resolves to a Chinese message when the value is rejected, null when saved. */
  onSave(text: string): Promise<string | null>;
}

/** The rounding band, kept in this browser for every file checked here. */
export function BandField({ tolerance, busy, onSave }: BandFieldProps) {
  const styles = useStyles();
  const [text, setText] = useState(tolerance);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(tolerance), [tolerance]);
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(text).then(setError);
      }}
    >
      <Field
        label="容差（舍入误差）"
        hint="差额不超过容差时按「提示」报告舍入差异，超过时按「错误」报告；单位与表内金额单位相同。保存在本浏览器中，对之后检查的文件都有效，与命令行的 --tolerance 相同。"
        validationMessage={error ?? undefined}
        validationState={error ? "error" : "none"}
      >
        <Input
          value={text}
          inputMode="decimal"
          onChange={(_, data) => {
            setText(data.value);
            setError(null);
          }}
        />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          保存
        </Button>
      </div>
    </form>
  );
}
