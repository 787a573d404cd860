#!/usr/bin/env node
/*
 * The task pane's first-load budget: the gzipped size of the scripts dist/taskpane.html loads
 * from dist/ (office.js comes from Office's CDN and is not ours to count). Run after `npm run build`.
 *   node scripts/bundle-size.js [distDir]
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUDGET_KB = 350;
const dist = path.resolve(process.argv[2] || path.join(__dirname, "..", "dist"));
const page = path.join(dist, "taskpane.html");

if (!fs.existsSync(page)) {
  console.error(`找不到 ${page}：请先运行 npm run build。`);
  process.exit(2);
}

const html = fs.readFileSync(page, "utf8");
const sources = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)].map((m) => m[1]);
const local = sources.filter((src) => !/^(https?:)?\/\//i.test(src));
const remote = sources.filter((src) => /^(https?:)?\/\//i.test(src));
if (local.length === 0) {
  console.error("taskpane.html 没有加载任何本地脚本，构建结果不对。");
  process.exit(2);
}

// webpack.config.js names the exceljs chunk; it must stay a dynamic import of the template writer.
const eager = local.filter((src) => /(^|\/)exceljs\./.test(src));
if (eager.length > 0) {
  console.error(`exceljs 被打进了首次加载的脚本（${eager.join(", ")}），它只应由模板写入器按需加载。`);
  process.exit(1);
}

let total = 0;
for (const src of local) {
  const file = path.join(dist, decodeURIComponent(src.replace(/^\.?\//, "").split(/[?#]/)[0]));
  const gz = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  total += gz;
  console.log(`${(gz / 1024).toFixed(1).padStart(8)} KB  ${path.basename(file)}`);
}
for (const src of remote) console.log(`  (未计入) ${src}`);

const kb = total / 1024;
console.log(`任务窗格首次加载 JS（gzip）：${kb.toFixed(1)} KB，预算 ${BUDGET_KB} KB`);
if (kb > BUDGET_KB) {
  console.error(`超出预算 ${(kb - BUDGET_KB).toFixed(1)} KB。`);
  process.exit(1);
}
