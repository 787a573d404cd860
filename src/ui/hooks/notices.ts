import { useCallback, useEffect, useRef, useState } from "react";

export type NoticeIntent = "error" | "warning" | "info" | "success";

export interface Notice {
  id: number;
  intent: NoticeIntent;
  text: string;
}

export type Notify = (intent: NoticeIntent, text: string) => void;

/** Success messages go away by themselves after this long; failures stay until dismissed. */
export const SUCCESS_MS = 6000;

/**
 * The messages above the list, with one behaviour in the pane and the page: the same sentence
 * twice shows once (where it came last), a success replaces earlier successes and goes by itself,
 * anything else stays until dismissed. A new action calls `clear` first: it supersedes the last
 * one's messages.
 */
export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const clear = useCallback(() => setNotices([]), []);
  const notify = useCallback<Notify>(
    (intent, text) => {
      const id = nextId.current++;
      setNotices((list) => [
        ...list.filter((n) => n.text !== text && !(intent === "success" && n.intent === "success")),
        { id, intent, text },
      ]);
      if (intent !== "success") return;
      const t = setTimeout(() => {
        timers.current.delete(t);
        dismiss(id);
      }, SUCCESS_MS);
      timers.current.add(t);
    },
    [dismiss],
  );

  return { notices, notify, dismiss, clear };
}
