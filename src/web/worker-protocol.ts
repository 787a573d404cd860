import type { Finding } from "../core/finding";
import type { ProgressStage } from "../core/progress";
import type { TemplateKind } from "../templates/catalog";

/** Messages between the page and its checker worker; every request carries an id its answer repeats. */
export type WorkerRequest =
  | { id: number; type: "open"; name: string; bytes: ArrayBuffer; tolerance: string }
  | { id: number; type: "recheck"; tolerance: string; narrative?: string }
  | { id: number; type: "compare"; name: string; bytes: ArrayBuffer; tolerance: string }
  | { id: number; type: "uncompare"; tolerance: string }
  | { id: number; type: "preview"; finding: Pick<Finding, "sheet" | "cell" | "related"> }
  | { id: number; type: "annotate"; findings: Finding[] }
  | { id: number; type: "fix"; ignored: Finding[] }
  | { id: number; type: "template"; kind: TemplateKind };

export type WorkerReply =
  | { id: number; type: "progress"; stage: ProgressStage; done: number; total: number }
  | { id: number; type: "done"; value: unknown }
  | { id: number; type: "failed"; message: string; code: string };
