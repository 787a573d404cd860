#!/usr/bin/env node
/*
 * First-load budgets: the gzipped size of the scripts each page loads from dist/ before the user
 * does anything. The task pane's office.js comes from Office's CDN and is not ours to count;
 * check.html may load nothing remote at all. exceljs must stay out of both first loads.
 * Run after `npm run build`.
 *   node scripts/bundle-size.js [distDir]
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const dist = path.resolve(process.argv[2] || path.join(__dirname, "..", "dist"));
const PAGES = [
  { file: "taskpane.html", label: "任务窗格", budgetKb: 350, remoteAllowed: true },
  { file: "check.html", label: "浏览器版（check.html）", budgetKb: 250, remoteAllowed: false },
];

const gzipKb = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;
const isRemote = (src) => /^(https?:)?\/\//i.test(src);
let failed = false;
const fail = (message) => {
  console.error(message);
  failed = true;
};

for (const page of PAGES) {
  const html = path.join(dist, page.file);
  if (!fs.existsSync(html)) {
    console.error(`找不到 ${html}：请先运行 npm run build。`);
    process.exit(2);
  }
  const text = fs.readFileSync(html, "utf8");
  const sources = [...text.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)].map((m) => m[1]);
  const local = sources.filter((src) => !isRemote(src));
  const remote = sources.filter(isRemote);
  if (local.length === 0) fail(`${page.file} 没有加载任何本地脚本，构建结果不对。`);
  if (!page.remoteAllowed) {
    const links = [...text.matchAll(/\b(?:src|href)=["']?((?:https?:)?\/\/[^"' >]+)/gi)].map((m) => m[1]);
    if (links.length > 0) fail(`${page.file} 引用了远程资源（${links.join(", ")}），它不应加载任何远程内容。`);
  }
  // webpack.config.js names the exceljs chunk; it must stay a dynamic import.
  const eager = local.filter((src) => /(^|\/)exceljs\./.test(src));
  if (eager.length > 0) fail(`exceljs 被打进了 ${page.file} 首次加载的脚本（${eager.join(", ")}），它只应按需加载。`);

  console.log(`${page.file}`);
  let total = 0;
  for (const src of local) {
    const file = path.join(dist, decodeURIComponent(src.replace(/^\.?\//, "").split(/[?#]/)[0]));
    const kb = gzipKb(file);
    total += kb;
    console.log(`${kb.toFixed(1).padStart(8)} KB  ${path.basename(file)}`);
  }
  for (const src of remote) console.log(`  (未计入) ${src}`);
  console.log(`${page.label}首次加载 JS（gzip）：${total.toFixed(1)} KB，预算 ${page.budgetKb} KB`);
  if (total > page.budgetKb) fail(`${page.file} 超出预算 ${(total - page.budgetKb).toFixed(1)} KB。`);
}

const files = fs.readdirSync(dist);
const onDemand = files.filter((f) => /^(exceljs|check-worker)\.[0-9a-f]+\.js$/.test(f));
for (const f of onDemand) console.log(`按需加载（gzip）：${gzipKb(path.join(dist, f)).toFixed(1)} KB  ${f}`);
if (files.includes("check-standalone.html")) {
  const file = path.join(dist, "check-standalone.html");
  const mb = fs.statSync(file).size / 1024 / 1024;
  console.log(`单文件版 check-standalone.html：${mb.toFixed(2)} MB（gzip ${(gzipKb(file) / 1024).toFixed(2)} MB）`);
}
if (failed) process.exit(1);
