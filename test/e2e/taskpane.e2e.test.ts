/**
 * The built task pane in a real browser (Debian's chromium via playwright-core), with office.js
 * answered by a stub over the in-memory fake workbook. CI installs chromium (.ci/run).
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { Browser, Page, chromium } from "playwright-core";
import { checkWorkbook } from "../../src/core/check";
import { notesSheet, summaryWithWrongSpendTotal } from "../taskpane/workbook-fixture";
import { buildOfficeStub, ensureDist } from "./build";
import { serveDir } from "./serve";

const CHROMIUM = "/usr/bin/chromium";
const OUT = path.resolve(__dirname, "../../.tmp");

jest.setTimeout(240_000);

let browser: Browser;
let distDir: string;
let server: { url: string; close: () => Promise<void> };
let stub: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`找不到 ${CHROMIUM}：端到端测试需要 Debian 的 chromium。请运行 \`apt-get install chromium\`（CI 的 .ci/run 会自动安装）。`);
  }
  fs.mkdirSync(OUT, { recursive: true });
  const [dist, script] = await Promise.all([ensureDist(), buildOfficeStub(path.join(OUT, "e2e-stub"))]);
  stub = script;
  distDir = dist;
  server = await serveDir(dist);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPane(query = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 360, height: 760 }, locale: "zh-CN" });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  // The pane must load nothing from the network but office.js, which the stub answers.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/office.js")) {
      return route.fulfill({ status: 200, contentType: "application/javascript; charset=utf-8", body: stub });
    }
    if (url.startsWith(server.url)) return route.continue();
    errors.push(`unexpected request ${url}`);
    return route.abort();
  });
  await page.goto(`${server.url}/taskpane.html${query}`);
  await page.getByRole("tab", { name: "检查" }).waitFor();
  return { page, errors };
}

test("检查工作簿 lists the findings, a click selects the cell, 清除标记 leaves no mark", async () => {
  const expected = checkWorkbook([summaryWithWrongSpendTotal(), notesSheet()]).findings;
  const spend = expected.find((f) => f.rule === "BAL-SPEND");
  expect(spend).toBeDefined();
  const { page, errors } = await openPane();

  await page.getByRole("button", { name: "检查工作簿" }).click();
  await page.getByText(spend!.message).waitFor();
  for (const f of expected) await expect(page.getByText(f.message).count()).resolves.toBe(1);
  const marks = (await page.evaluate("window.__fakeExcel.addedMarks()")) as string[];
  expect(marks.length).toBeGreaterThan(0);

  await page.getByText(spend!.message).click();
  await page.waitForFunction(
    ([sheet, cell]) => {
      const s = (window as unknown as { __fakeExcel: { selection(): { sheet: string; address: string } } }).__fakeExcel.selection();
      return s.sheet === sheet && s.address === cell;
    },
    [spend!.sheet, spend!.cell],
  );

  await page.screenshot({ path: path.join(OUT, "taskpane-e2e.png"), fullPage: true });

  await page.getByRole("button", { name: "清除标记" }).click();
  await page.getByText(/已清除 \d+ 处标记。/).waitFor();
  await expect(page.evaluate("window.__fakeExcel.addedMarks()")).resolves.toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

test("?view=templates opens the templates view; ?action=checkWorkbook checks on open", async () => {
  const templates = await openPane("?view=templates");
  await templates.page.getByRole("tab", { name: "插入模板", selected: true }).waitFor();
  await templates.page.getByRole("button", { name: "添加项目块" }).waitFor();
  await templates.page.close();

  const { page, errors } = await openPane("?action=checkWorkbook");
  await page.getByText("已检查 2 张表").waitFor();
  expect(errors).toEqual([]);
  await page.close();
});

test("插入模板 adds a new sheet under a free name and leaves the existing one alone", async () => {
  const { page, errors } = await openPane("?view=templates");
  const before = (await page.evaluate("window.__fakeExcel.sheetNames()")) as string[];
  expect(before).toContain("收支总表");
  await page.getByRole("button", { name: "插入部门预算收支总表" }).click();
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: { sheetNames(): string[] } }).__fakeExcel.sheetNames().length > 2);
  const after = (await page.evaluate("window.__fakeExcel.sheetNames()")) as string[];
  expect(after).toEqual([...before, "收支总表 (2)"]);
  await page.getByText("已插入工作表「收支总表 (2)」").waitFor();
  // The pane returns to idle: the insert buttons are usable again.
  await page.waitForFunction(() => !(document.querySelector('button[aria-label="插入部门预算收支总表"]') as HTMLButtonElement).disabled);
  // Let Fluent's colour transition settle so the screenshot shows the idle buttons.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(OUT, "taskpane-templates.png"), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

test("the built pane's first load stays within the 350 KB gzip budget, without exceljs", () => {
  const run = spawnSync(process.execPath, [path.resolve(__dirname, "../../scripts/bundle-size.js"), distDir], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/任务窗格首次加载 JS（gzip）：\d+\.\d KB，预算 350 KB/);
});
