import { useCallback, useRef, useState } from "react";
import type { Progress, ProgressListener } from "../../core/progress";
import type { Notify } from "./notices";

/** What a click says while another action is still running. */
export const STILL_BUSY = "上一项操作尚未完成，请稍候。";

/** The host's Chinese sentence for a failed action; it must be a stable (module-level) function. */
export type DescribeError = (error: unknown, action: string) => string;

/**
 * One action at a time, with one behaviour in the pane and the page: a second action while one
 * runs is refused and says so (STILL_BUSY), since two reads or writes must never interleave; a
 * failure is said in the host's words; progress is shown while the action runs and goes with it.
 */
export function useBusy(notify: Notify, describe: DescribeError) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  // The state above re-renders; this one is read at once, so two clicks in one frame cannot both start.
  const running = useRef(false);

  const onProgress = useCallback<ProgressListener>((stage, done, total) => setProgress({ stage, done, total }), []);

  const exclusive = useCallback(
    async (action: string, work: () => Promise<void>) => {
      if (running.current) {
        notify("info", STILL_BUSY);
        return;
      }
      running.current = true;
      setBusy(true);
      try {
        await work();
      } catch (error) {
        notify("error", describe(error, action));
      } finally {
        running.current = false;
        setBusy(false);
        setProgress(null);
      }
    },
    [notify, describe],
  );

  return { busy, progress, onProgress, exclusive };
}
