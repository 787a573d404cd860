import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "320px" },
});

export interface SettingsPanelProps {
  tolerance: string;
  busy: boolean;
  /** Resolves to a Chinese message when the value is rejected, null when saved. */
  onSaveTolerance(text: string): Promise<string | null>;
  /** Where the band is kept, as the hint says it: the workbook in the pane, the browser on check.html. */
  hint?: string;
}

const WORKBOOK_HINT = "差额不超过容差时按「提示」报告舍入差异，超过时按「错误」报告；单位与表内金额单位相同。仅对本工作簿有效。";

export function SettingsPanel({ tolerance, busy, onSaveTolerance, hint = WORKBOOK_HINT }: SettingsPanelProps) {
  const styles = useStyles();
  const [text, setText] = useState(tolerance);
  const [shown, setShown] = useState(tolerance);
  const [error, setError] = useState<string | null>(null);
  // A band saved elsewhere (another workbook's settings, a reload) replaces what is typed: adjusting
  // state while rendering, as React recommends, rather than in an effect.
  if (shown !== tolerance) {
    setShown(tolerance);
    setText(tolerance);
  }

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
        hint={hint}
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
