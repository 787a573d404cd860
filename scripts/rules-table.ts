import { RULES } from "../src/core/catalogue";

/** Prints the rule catalogue as the Markdown table the README carries. */
const SEVERITY = { error: "error 错误", warning: "warning 疑似", info: "info 提示" } as const;
console.log("| id | default severity | 说明 |\n|---|---|---|");
for (const r of RULES) console.log(`| \`${r.id}\` | ${SEVERITY[r.severity]} | ${r.title} |`);
