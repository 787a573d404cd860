import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "320px" },
});

export interface SettingsPanelProps {
  tolerance: string;
  busy: boolean;
  /** Resolves to a Chinese message when the value is rejected, null when saved. */
  onSaveTolerance(text: string): Promise<string | null>;
}

export function SettingsPanel({ tolerance, busy, onSaveTolerance }: SettingsPanelProps) {
  const styles = useStyles();
  const [text, setText] = useState(tolerance);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(tolerance), [tolerance]);

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void onSaveTolerance(text).then(setError);
      }}
    >
      <Field
        label="容差（舍入误差）"
        hint="差额不超过容差时按「提示」报告舍入差异，超过时按「错误」报告；单位与表内金额单位相同。仅对本工作簿有效。"
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
