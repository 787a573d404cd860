/**
 * check.html, the checker for a plain browser, in Debian's chromium via playwright-core: served by
 * `npm run serve` on 127.0.0.1, it must find what the command line finds, write the same annotated
 * copy, and never make a request anywhere else. CI installs chromium (.ci/run).
 */
import { ChildProcess, spawn, spawnSync } from "child_process";
import fs from "fs";
import net from "net";
import path from "path";
import { launchChromium } from "./browser";
import { Browser, BrowserContext, Page } from "playwright-core";
import { SEVERITY_LABEL } from "../../src/core/severity";
import type { JsonFile, JsonReport } from "../../src/core/report-json";
import { writeIndicatorWorkbook } from "../../bench/generate";
import { runCli } from "../cli/cli-helpers";
import { marksOf, worstByCell } from "../xlsx/support/copy-reader";
import { bombStream, SHEET_HEAD, SHEET_TAIL, workbookAround, zipOf } from "../xlsx/support/hostile-zip";
import { axeViolations } from "./axe";
import { ensureDist } from "./build";

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, ".tmp");
const SAMPLE = path.join(ROOT, "samples/示例预算表.xlsx");

jest.setTimeout(300_000);

let browser: Browser;
let server: ChildProcess;
let base: string;
let distDir: string;
let cliReport: JsonFile;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `npm run serve` (scripts/serve.js) itself, as a user would, and waits for its address. */
async function startServe(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/serve.js"), "--port", String(port), "--dir", distDir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    let said = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes(`${url}/check.html`)) resolve();
    });
    child.stderr!.on("data", (chunk: Buffer) => reject(new Error(chunk.toString())));
    child.once("exit", (code) => reject(new Error(`npm run serve exited with ${code}`)));
  });
  return { child, url };
}

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  distDir = await ensureDist();
  const served = await startServe();
  server = served.child;
  base = served.url;
  browser = await launchChromium();
  const cli = await runCli(["--json", SAMPLE]);
  cliReport = (JSON.parse(cli.out) as JsonReport).files[0] as JsonFile;
  expect(cliReport.findings.length).toBeGreaterThan(5);
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Every URL the page and its worker asked for, in order. */
  requests: string[];
  errors: string[];
}

/** Local means this server, or a blob: URL the page made itself (downloads, the inline worker). */
const isLocal = (url: string) => url.startsWith(`${base}/`) || url.startsWith(`blob:${base}/`);

async function openCheckPage(width = 360, context?: BrowserContext): Promise<Opened> {
  const ctx = context ?? (await browser.newContext({ viewport: { width, height: 760 }, locale: "zh-CN", acceptDownloads: true }));
  const requests: string[] = [];
  const errors: string[] = [];
  ctx.on("request", (r) => requests.push(r.url()));
  const page = await ctx.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${base}/check.html`);
  await page.getByLabel("打开 Excel 文件").waitFor({ state: "attached" });
  return { context: ctx, page, requests, errors };
}

async function finish(o: Opened): Promise<void> {
  // No workbook data can leave the machine: nothing but this server was ever asked for anything.
  expect(o.requests.filter((u) => !isLocal(u))).toEqual([]);
  expect(o.errors).toEqual([]);
  await o.context.close();
}

async function choose(page: Page, file: string): Promise<void> {
  await page.getByLabel("打开 Excel 文件").setInputFiles(file);
}

const checked = (page: Page) => page.getByText(/^已检查 \d+ 张表/).waitFor({ timeout: 120_000 });

/** Opens every collapsed group, then returns the text of each finding card in the list. */
async function listedFindings(page: Page): Promise<string[]> {
  const list = page.getByRole("list", { name: "问题列表" });
  for (;;) {
    const collapsed = list.locator('button[aria-expanded="false"]');
    if ((await collapsed.count()) === 0) break;
    await collapsed.first().click();
  }
  return list
    .getByRole("listitem")
    .filter({ has: page.locator(":scope[data-finding-id]") })
    .allInnerTexts();
}

test("the bundled sample lists exactly the command line's findings; the worker loads with the file, exceljs not at all", async () => {
  const o = await openCheckPage();
  await expect(o.page.title()).resolves.toBe("预算表检查（浏览器版）");
  await o.page.screenshot({ path: path.join(OUT, "check-page-360-empty.png"), fullPage: true });
  // Before a file is chosen, neither the worker nor exceljs has been fetched.
  expect(o.requests.filter((u) => /\/(exceljs|check-worker)\.[0-9a-f]+\.js$/.test(u))).toEqual([]);

  await choose(o.page, SAMPLE);
  await checked(o.page);
  // Reading and checking need no exceljs: it only writes templates.
  expect(o.requests.filter((u) => /\/exceljs\.[0-9a-f]+\.js$/.test(u))).toEqual([]);
  expect(o.requests.some((u) => /\/check-worker\.[0-9a-f]+\.js$/.test(u))).toBe(true);

  const cards = await listedFindings(o.page);
  expect(cards).toHaveLength(cliReport.findings.length);
  // One card per CLI finding: its severity word, its sheet!cell and its message.
  const unused = [...cards];
  for (const f of cliReport.findings) {
    const i = unused.findIndex(
      (t) => t.includes(SEVERITY_LABEL[f.severity]) && t.includes(`${f.sheet}!${f.cell}`) && t.includes(f.message),
    );
    expect(i).toBeGreaterThanOrEqual(0);
    unused.splice(i, 1);
  }

  // The same findings in the same order: the page's JSON is the CLI's --json for this file.
  const [download] = await Promise.all([
    o.page.waitForEvent("download"),
    o.page.getByRole("button", { name: "下载结果（JSON）" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("示例预算表-检查结果.json");
  const report = JSON.parse(fs.readFileSync(await download.path(), "utf8")) as JsonReport;
  expect(report).toEqual({ version: 1, files: [{ ...cliReport, file: "示例预算表.xlsx" }] });

  await o.page.screenshot({ path: path.join(OUT, "check-page-360.png"), fullPage: false });
  await finish(o);
});

test("a corrupt file, a text file and a zip bomb get the command line's one-line messages; the page goes on", async () => {
  const dir = fs.mkdtempSync(path.join(OUT, "web-bad-"));
  const corrupt = path.join(dir, "损坏.xlsx");
  fs.writeFileSync(corrupt, Buffer.concat([fs.readFileSync(SAMPLE).subarray(0, 3000), Buffer.alloc(100)]));
  const text = path.join(dir, "说明.xlsx");
  fs.writeFileSync(text, "这不是工作簿\n");
  // 6 MB that would inflate to 6 GB: it used to take the tab down.
  const bomb = path.join(dir, "炸弹.xlsx");
  const sheet = bombStream(SHEET_HEAD, " ", 6 * 1024 ** 3, SHEET_TAIL);
  fs.writeFileSync(bomb, zipOf(workbookAround({ name: "", method: 8, statedSize: 1000, data: sheet })));
  const o = await openCheckPage();
  for (const file of [corrupt, text, bomb]) {
    const cli = await runCli([file]);
    expect(cli.code).toBe(2);
    const message = cli.err.split(file).join(path.basename(file));
    await choose(o.page, file);
    await o.page.getByText(message, { exact: true }).waitFor();
    await expect(o.page.getByRole("list", { name: "问题列表" }).count()).resolves.toBe(0);
  }
  await o.page.screenshot({ path: path.join(OUT, "check-page-360-corrupt.png"), fullPage: false });
  await choose(o.page, SAMPLE);
  await checked(o.page);
  await finish(o);
});

test("下载标注副本 downloads the --annotate copy; reading it back finds the marks on the flagged cells", async () => {
  const o = await openCheckPage();
  await choose(o.page, SAMPLE);
  await checked(o.page);
  const [download] = await Promise.all([
    o.page.waitForEvent("download"),
    o.page.getByRole("button", { name: "下载标注副本" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("示例预算表-已标注.xlsx");
  const copy = new Uint8Array(fs.readFileSync(await download.path()));
  const marks = await marksOf(copy);
  const expected = worstByCell(cliReport.findings);
  for (const [sheet, cells] of expected) expect(Object.fromEntries(marks.get(sheet) ?? [])).toEqual(Object.fromEntries(cells));
  expect([...marks.keys()]).toContain("检查结果");
  await o.page.getByText(/已下载标注副本「示例预算表-已标注\.xlsx」/).waitFor();
  await finish(o);
});

test("dropping a file checks it; a finding shows its preview; an ignored finding stays ignored after a reload", async () => {
  const o = await openCheckPage();
  const bytes = fs.readFileSync(SAMPLE).toString("base64");
  const drop = await o.page.evaluateHandle((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], "拖入的预算表.xlsx"));
    return transfer;
  }, bytes);
  await o.page.dispatchEvent("main", "dragenter", { dataTransfer: drop });
  await o.page.dispatchEvent("main", "drop", { dataTransfer: drop });
  await checked(o.page);
  await o.page.getByText("拖入的预算表.xlsx", { exact: true }).waitFor();

  const spend = cliReport.findings.find((f) => f.rule === "BAL-SPEND")!;
  const card = o.page.locator("li[data-finding-id]", { hasText: spend.message });
  await card.click();
  const grid = o.page.getByRole("region", { name: `「${spend.sheet}」${spend.cell} 附近的单元格（只读）` });
  await grid.waitFor();
  await expect(grid.locator('[data-mark="flagged"]').getAttribute("data-cell")).resolves.toBe(spend.cell);
  const related = await grid.locator('[data-mark="related"]').evaluateAll((tds) => tds.map((td) => td.getAttribute("data-cell")));
  expect(related.length).toBeGreaterThan(0);
  for (const cell of related) expect(spend.related).toContain(cell);
  await o.page.waitForTimeout(300);
  await o.page.screenshot({ path: path.join(OUT, "check-page-360-preview.png"), fullPage: false });

  await card.getByRole("button", { name: "忽略" }).click();
  await o.page.getByText("（另有 1 个已忽略）").waitFor();
  await o.page.reload();
  await o.page
    .getByLabel("打开 Excel 文件")
    .setInputFiles({ name: "拖入的预算表.xlsx", mimeType: "application/octet-stream", buffer: fs.readFileSync(SAMPLE) });
  await checked(o.page);
  await o.page.getByText("（另有 1 个已忽略）").waitFor();
  await expect(o.page.locator("li[data-finding-id]", { hasText: spend.message }).count()).resolves.toBe(0);
  await finish(o);
});

type Box = { x: number; y: number; width: number; height: number } | null;
const intersects = (a: Box, b: Box) =>
  a !== null && b !== null && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test("at 360 px the sticky preview never covers the current card's sheet!cell and 项目, and 怎么改's example shows its cell (issue 19)", async () => {
  const o = await openCheckPage(360);
  await choose(o.page, SAMPLE);
  await checked(o.page);
  await listedFindings(o.page);
  const cards = o.page.locator("li[data-finding-id]");
  const preview = o.page.locator("section[aria-label='单元格预览']").locator("..");
  const count = await cards.count();
  expect(count).toBe(cliReport.findings.length);
  let withProject = 0;
  // Every card, chosen in list order as a user works down the list; then 上一个 back up to the first.
  const steps = [...Array.from({ length: count }, (_, i) => () => cards.nth(i).click())];
  for (let i = 1; i < count; i++) steps.push(() => o.page.getByRole("button", { name: "上一个" }).click());
  for (const step of steps) {
    await step();
    const card = o.page.locator("li[aria-current='true']");
    const text = await card.innerText();
    const f = cliReport.findings.find((x) => text.includes(`${x.sheet}!${x.cell}`) && text.includes(x.message))!;
    await o.page.getByRole("region", { name: `「${f.sheet}」${f.cell} 附近的单元格（只读）` }).waitFor();
    await o.page.waitForTimeout(150);
    const box = await preview.boundingBox();
    const place = await card.getByText(`${f.sheet}!${f.cell}`, { exact: true }).boundingBox();
    expect(place).not.toBeNull();
    expect({ card: `${f.sheet}!${f.cell}`, covered: intersects(box, place) }).toEqual({
      card: `${f.sheet}!${f.cell}`,
      covered: false,
    });
    const project = card.getByText(/^项目：/);
    if ((await project.count()) > 0) {
      withProject++;
      expect({ card: `${f.sheet}!${f.cell}`, covered: intersects(box, await project.boundingBox()) }).toEqual({
        card: `${f.sheet}!${f.cell}`,
        covered: false,
      });
    }
  }
  expect(withProject).toBeGreaterThan(0);

  // 怎么改 on 本年支出合计: the example's flagged cell (column D of a wide sheet) is scrolled into its box.
  const spend = cliReport.findings.find((f) => f.rule === "BAL-SPEND")!;
  const card = cards.filter({ hasText: spend.message });
  await card.click();
  await card.getByRole("button", { name: "怎么改" }).click();
  const example = card.getByRole("group", { name: /^示例工作表/ });
  const flagged = example.locator("td[data-flagged='true']");
  await flagged.waitFor();
  const frame = (await example.boundingBox())!;
  const cell = (await flagged.boundingBox())!;
  expect(cell.x).toBeGreaterThanOrEqual(frame.x - 0.5);
  expect(cell.x + cell.width).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
  expect(cell.x + cell.width).toBeLessThanOrEqual(360);
  await o.page.screenshot({ path: path.join(OUT, "check-page-360-help.png"), fullPage: false });
  await finish(o);
});

test("a 5 MB workbook is read in the worker: the page answers and switches tabs while it is checked", async () => {
  const big = path.join(OUT, "web-5mb.xlsx");
  if (!fs.existsSync(big)) await writeIndicatorWorkbook(big, 100_000);
  expect(fs.statSync(big).size).toBeGreaterThan(4.5 * 1024 * 1024);
  const o = await openCheckPage();
  await choose(o.page, big);
  const progress = o.page.getByRole("progressbar", { name: "检查进度" });
  await progress.waitFor();
  // While the worker reads, the page's own thread is free: a tab switch lands before the check ends.
  await o.page.getByRole("tab", { name: "设置" }).click();
  await o.page.getByLabel("容差（舍入误差）").waitFor();
  await expect(progress.isVisible()).resolves.toBe(true);
  await o.page.getByRole("tab", { name: "检查" }).click();
  await checked(o.page);
  await o.page.getByText(/发现 \d+ 个问题/).waitFor();
  await finish(o);
});

test("templates download as .xlsx, the rounding band re-checks, all without a remote request", async () => {
  const o = await openCheckPage();
  await o.page.getByRole("tab", { name: "下载模板" }).click();
  const [download] = await Promise.all([
    o.page.waitForEvent("download"),
    o.page.getByRole("button", { name: "下载模板：部门预算收支总表" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("部门预算收支总表.xlsx");
  expect(o.requests.some((u) => /\/exceljs\.[0-9a-f]+\.js$/.test(u))).toBe(true);
  const template = await runCli(["--json", await download.path()]);
  expect((JSON.parse(template.out) as JsonReport).files[0]).toMatchObject({ sheets: [{ name: "收支总表", kind: "summary" }] });

  await o.page.getByRole("tab", { name: "检查" }).click();
  await choose(o.page, SAMPLE);
  await checked(o.page);
  await o.page.getByRole("tab", { name: "设置" }).click();
  await o.page.getByLabel("容差（舍入误差）").fill("5");
  await o.page.getByRole("button", { name: "保存" }).click();
  await o.page.getByText("容差已设为 5，已重新检查。").waitFor();
  const wide = JSON.parse((await runCli(["--json", "--tolerance", "5", SAMPLE])).out) as JsonReport;
  await o.page.getByRole("tab", { name: "检查" }).click();
  await o.page.getByText(`发现 ${(wide.files[0] as JsonFile).findings.length} 个问题`).waitFor();
  await finish(o);
});

test("taskpane.html outside Office says so and links to check.html instead of waiting", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 760 }, locale: "zh-CN" });
  const page = await context.newPage();
  // Offline, or a locked-down network: office.js cannot load.
  await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
  await page.goto(`${base}/taskpane.html`);
  await page.getByRole("heading", { name: "此页面需要在 Excel 中打开" }).waitFor();
  await page.getByText(/Office 脚本未能加载/).waitFor();
  await page.screenshot({ path: path.join(OUT, "taskpane-outside-office.png"), fullPage: false });
  await page.getByRole("link", { name: "打开预算表检查（浏览器版）" }).click();
  await page.waitForURL(`${base}/check.html`);
  await expect(page.title()).resolves.toBe("预算表检查（浏览器版）");
  await page.unroute("https://appsforoffice.microsoft.com/**");

  // office.js in a plain tab: onReady answers with no host.
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({
      status: 200,
      contentType: "application/javascript",
      body: "window.Office = { onReady: (cb) => { cb && cb({ host: null, platform: null }); return Promise.resolve({ host: null, platform: null }); } };",
    }),
  );
  await page.goto(`${base}/taskpane.html`);
  await page.getByText(/当前是在普通浏览器中打开的，不在 Excel 中/).waitFor();
  await page.getByRole("link", { name: "打开预算表检查（浏览器版）" }).waitFor();
  await context.close();
});

test("axe finds nothing serious on the page: empty, with findings, with the preview open", async () => {
  // The page's CSP refuses inline scripts, and axe is injected as one; the page's own behaviour is unchanged.
  const context = await browser.newContext({ viewport: { width: 360, height: 760 }, locale: "zh-CN", bypassCSP: true });
  const o = await openCheckPage(360, context);
  const serious = async (when: string) =>
    (await axeViolations(o.page))
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${when}: ${v.id} ${v.targets.join(" | ")}`);
  const found = [...(await serious("empty"))];
  await choose(o.page, SAMPLE);
  await checked(o.page);
  found.push(...(await serious("checked")));
  await o.page.locator("li[data-finding-id]").first().click();
  await o.page.getByRole("region", { name: "单元格预览" }).waitFor();
  found.push(...(await serious("preview")));
  await o.page.getByRole("tab", { name: "设置" }).click();
  found.push(...(await serious("settings")));
  await o.page.getByRole("tab", { name: "下载模板" }).click();
  found.push(...(await serious("templates")));
  expect(found).toEqual([]);
  await finish(o);
});

test("check-standalone.html opens from the disk and checks the sample with its inline worker", async () => {
  const file = path.join(distDir, "check-standalone.html");
  const pageUrl = `file://${file}`;
  const context = await browser.newContext({ viewport: { width: 360, height: 760 }, locale: "zh-CN", acceptDownloads: true });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(pageUrl);
  await expect(page.title()).resolves.toBe("预算表检查（浏览器版）");
  await choose(page, SAMPLE);
  await checked(page);
  await expect(listedFindings(page)).resolves.toHaveLength(cliReport.findings.length);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载标注副本" }).click(),
  ]);
  const marks = await marksOf(new Uint8Array(fs.readFileSync(await download.path())));
  for (const [sheet, cells] of worstByCell(cliReport.findings))
    expect(Object.fromEntries(marks.get(sheet) ?? [])).toEqual(Object.fromEntries(cells));
  // The file itself and the worker's Blob: nothing else, not even another file beside it.
  expect(requests.filter((u) => u !== pageUrl && !u.startsWith("blob:null/"))).toEqual([]);
  expect(requests.some((u) => u.startsWith("blob:null/"))).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

test("npm run bundle-size prints both pages; check.html's first load is under 250 KB gzipped, without exceljs", () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/bundle-size.js"), distDir], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/任务窗格首次加载 JS（gzip）：\d+\.\d KB，预算 350 KB/);
  const kb = Number(/浏览器版（check\.html）首次加载 JS（gzip）：(\d+\.\d) KB，预算 250 KB/.exec(run.stdout)?.[1]);
  expect(kb).toBeGreaterThan(10);
  expect(kb).toBeLessThan(250);
  const html = fs.readFileSync(path.join(distDir, "check.html"), "utf8");
  expect(html).not.toMatch(/office\.js|https?:\/\//);
});
