#!/usr/bin/env node
// `npm run demo`: checks the bundled sample and writes its annotated copy. The sample holds
// planted errors, so the checker's exit code 1 is the expected outcome here, not a failure.
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
const sample = path.join("samples", "示例预算表.xlsx");
const annotated = path.join("samples", "out", "示例预算表-已标注.xlsx");
// --force: the demo owns its output, also one written by an older version without the copy marker.
const run = spawnSync(process.execPath, [path.join(root, "bin", "budget-check.js"), sample, "--annotate", annotated, "--force"], {
  cwd: root,
  // The paths above are the package's own: resolve them there, wherever `npm run demo` was typed.
  env: { ...process.env, INIT_CWD: root },
  stdio: "inherit",
});
if (run.status === 0 || run.status === 1) {
  console.log(
    `\n示例完成：可用 Excel 打开 ${annotated} 查看标注（问题单元格以条件格式标色并附批注，「检查结果」表列出全部问题）。`,
  );
  process.exit(0);
}
process.exit(run.status ?? 2);
