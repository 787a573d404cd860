/**
 * How sure a finding is. Its own file because both findings and the rule catalogue (which decides
 * each rule's severity) need it, and the catalogue must not import findings.
 */
export type Severity = "error" | "warning" | "info";

/** Most severe first: the order of counts, groups and marks everywhere. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warning: "疑似", info: "提示" };
