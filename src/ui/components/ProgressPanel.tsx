import { Field, ProgressBar } from "@fluentui/react-components";
import { stageText } from "../messages";
import { Progress } from "../../core/progress";

/** Stage text (读取/检查/标记) under a bar; indeterminate until the stage knows its total. */
export function ProgressPanel({ progress }: { progress: Progress }) {
  const { stage, done, total } = progress;
  return (
    <Field validationMessage={stageText(stage, done, total)} validationState="none">
      <ProgressBar value={total > 0 ? done / total : undefined} aria-label="检查进度" />
    </Field>
  );
}
