import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { PASTED_NARRATIVE } from "../../core/narrative/sources";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface NarrativeBoxProps {
  busy: boolean;
  onCheck: (text: string) => void;
}

/**
 * 「核对说明文字」 (issue 20): the 说明 pasted here is checked with the open workbook's tables, its
 * findings listed by line. The text stays in the page; nothing is uploaded.
 */
export function NarrativeBox({ busy, onCheck }: NarrativeBoxProps) {
  const styles = useStyles();
  const [text, setText] = useState("");
  return (
    <div className={styles.box}>
      <Field
        label={PASTED_NARRATIVE}
        hint="粘贴部门预算（决算）公开的说明文字，核对其中的增减率、占比、增减方向，以及金额是否与表中一致；问题按行列出。"
      >
        <Textarea value={text} resize="vertical" rows={4} onChange={(_, d) => setText(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button disabled={busy || !text.trim()} onClick={() => onCheck(text)}>
          核对说明文字
        </Button>
        <Button
          appearance="subtle"
          disabled={busy || !text}
          onClick={() => {
            setText("");
            onCheck("");
          }}
        >
          清空
        </Button>
      </div>
    </div>
  );
}
