import { Field, ProgressBar } from "@fluentui/react-components";
import type { Progress, ProgressStage } from "../../core/progress";

const STAGE_TEXT: Record<ProgressStage, string> = { read: "读取", check: "检查", paint: "标记" };

export function stageText(stage: ProgressStage, done: number, total: number): string {
  const counter = stage !== "paint" && total > 0 ? `（${done}/${total} 张表）` : "";
  return `正在${STAGE_TEXT[stage]}…${counter}`;
}

/** Stage text (读取/检查/标记) under a bar; indeterminate until the stage knows its total. */
export function ProgressPanel({ progress }: { progress: Progress }) {
  const { stage, done, total } = progress;
  return (
    <Field validationMessage={stageText(stage, done, total)} validationState="none">
      <ProgressBar value={total > 0 ? done / total : undefined} aria-label="检查进度" />
    </Field>
  );
}
