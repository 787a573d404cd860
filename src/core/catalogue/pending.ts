import type { RuleExample } from "./entry";

// Phase-1 placeholders while the catalogue takes its final shape; deleted once every rule has its
// own help and example, so a rule left without them stops compiling.
export const PENDING_HELP = "（说明待补）";
export const PENDING_EXAMPLE: RuleExample = { sheets: [{ name: "Sheet1", rows: [] }], sheet: "Sheet1", cell: "A1" };
