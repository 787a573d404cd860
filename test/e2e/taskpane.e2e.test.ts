/**
 * The built task pane in a real browser (Debian's chromium via playwright-core), with office.js
 * answered by a stub over the in-memory fake workbook. CI installs chromium (.ci/run).
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { launchChromium } from "./browser";
import { Browser, Page } from "playwright-core";
import { checkWorkbook } from "../../src/core/check";
import { dialogUrl } from "../../src/commands/summary";
import { indicatorSheet, notesSheet, summaryWithWrongSpendTotal } from "../taskpane/workbook-fixture";
import { AxeViolation, axeViolations, seriousViolations } from "./axe";
import { buildOfficeStub, ensureDist } from "./build";
import { serveDir } from "./serve";

const OUT = path.resolve(__dirname, "../../.tmp");
/** `npm run screenshots` writes the user guide's pictures; a plain test run leaves them alone. */
const GUIDE_IMAGES = path.resolve(__dirname, "../../docs/images");
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === "1";

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  // Let Fluent's transitions settle so the picture shows the resting state.
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(UPDATE_SCREENSHOTS ? GUIDE_IMAGES : OUT, `${name}.png`), fullPage });
}

/** Every violation axe found, by page, for the report; the tests fail on serious and critical ones. */
const axeLog: Record<string, AxeViolation[]> = {};
async function expectAccessible(page: Page, label: string): Promise<void> {
  axeLog[label] = await axeViolations(page);
  expect(await seriousViolations(page)).toEqual([]);
}

jest.setTimeout(240_000);

let browser: Browser;
let distDir: string;
let server: { url: string; close: () => Promise<void> };
let stub: string;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const [dist, script] = await Promise.all([ensureDist(), buildOfficeStub(path.join(OUT, "e2e-stub"))]);
  stub = script;
  distDir = dist;
  server = await serveDir(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  if (Object.keys(axeLog).length) fs.writeFileSync(path.join(OUT, "axe-results.json"), JSON.stringify(axeLog, null, 2));
  await browser?.close();
  await server?.close();
});

async function openPane(
  query = "",
  pathname = "taskpane.html",
  width = 360,
  dark = false,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 760 }, locale: "zh-CN" });
  if (dark) await page.addInitScript("window.__darkOffice = true");
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
  await page.goto(`${server.url}/${pathname}${query}`);
  if (pathname === "taskpane.html") await page.getByRole("tab", { name: "检查" }).waitFor();
  return { page, errors };
}

const SHEETS = () => [summaryWithWrongSpendTotal(), indicatorSheet(), notesSheet()];

test("检查工作簿 lists the findings, a click selects the cell, 清除标记 leaves no mark", async () => {
  const expected = checkWorkbook(SHEETS()).findings;
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
      const s = (
        window as unknown as { __fakeExcel: { selection(): { sheet: string; address: string } } }
      ).__fakeExcel.selection();
      return s.sheet === sheet && s.address === cell;
    },
    // The total is selected with the items it sums.
    [spend!.sheet, [spend!.cell, ...spend!.related].join(",")],
  );

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
  await page.getByText(/已检查 3 张表/).waitFor();
  expect(errors).toEqual([]);
  await page.close();
});

test("插入模板 adds a new sheet under a free name and leaves the existing one alone", async () => {
  const { page, errors } = await openPane("?view=templates");
  const before = (await page.evaluate("window.__fakeExcel.sheetNames()")) as string[];
  expect(before).toContain("收支总表");
  await page.getByRole("button", { name: "插入部门预算收支总表" }).click();
  await page.waitForFunction(
    () => (window as unknown as { __fakeExcel: { sheetNames(): string[] } }).__fakeExcel.sheetNames().length > 3,
  );
  const after = (await page.evaluate("window.__fakeExcel.sheetNames()")) as string[];
  expect(after).toEqual([...before, "收支总表 (2)"]);
  await page.getByText("已插入工作表「收支总表 (2)」").waitFor();
  // The pane returns to idle: the insert buttons are usable again.
  await page.waitForFunction(
    () => !(document.querySelector('button[aria-label="插入部门预算收支总表"]') as HTMLButtonElement).disabled,
  );
  // Let Fluent's colour transition settle so the screenshot shows the idle buttons.
  await shot(page, "templates");
  expect(errors).toEqual([]);
  await page.close();
});

test("the list is worked through by keyboard, one Tab stop per finding, with no serious axe violation", async () => {
  const expected = checkWorkbook(SHEETS()).findings;
  const spend = expected.find((f) => f.rule === "BAL-SPEND")!;
  const { page, errors } = await openPane();
  await page.getByRole("button", { name: "检查工作簿" }).click();
  const list = page.getByRole("list", { name: "问题列表" });
  await list.waitFor();
  await page.waitForFunction(() => !(document.querySelector("[role=toolbar] button") as HTMLButtonElement).disabled);
  await shot(page, "pane-after-check");
  await expectAccessible(page, "pane after check");

  const cards = list.locator("li[data-finding-id]");
  await expect(cards.count()).resolves.toBe(expected.length);
  // Errors first; each card's text carries its severity word.
  await expect(cards.first().textContent()).resolves.toMatch(/^错误/);
  for (let i = 0; i < expected.length; i++) await expect(cards.nth(i).textContent()).resolves.toMatch(/^(错误|疑似|提示)/);

  // Tab from 下一个 reaches the first card; ↓ moves to the next one and selects its cell in Excel.
  await cards.first().focus();
  await page.keyboard.press("Enter");
  const firstId = await cards.first().getAttribute("data-finding-id");
  await page.waitForFunction(
    (id) => document.querySelector(`[data-finding-id="${id}"]`)?.getAttribute("aria-current") === "true",
    firstId,
  );
  await page.keyboard.press("ArrowDown");
  const secondId = await cards.nth(1).getAttribute("data-finding-id");
  await page.waitForFunction(
    (id) =>
      document.activeElement?.getAttribute("data-finding-id") === id &&
      document.activeElement?.getAttribute("aria-current") === "true",
    secondId,
  );
  const second = expected.find((f) => f.id === secondId)!;
  await page.waitForFunction(
    ([sheet, cell]) =>
      (window as unknown as { __fakeExcel: { selection(): { sheet: string; address: string } } }).__fakeExcel.selection()
        .sheet === sheet &&
      (window as unknown as { __fakeExcel: { selection(): { address: string } } }).__fakeExcel
        .selection()
        .address.startsWith(cell),
    [second.sheet, second.cell],
  );

  // The total selects what it sums, as one multi-area selection.
  await page.getByText(spend.message).click();
  await page.waitForFunction(
    (want) =>
      (window as unknown as { __fakeExcel: { selection(): { address: string } } }).__fakeExcel.selection().address === want,
    [spend.cell, ...spend.related].join(","),
  );
  const card = page.locator(`li[data-finding-id="${spend.id}"]`);
  await card.getByRole("button", { name: "怎么改" }).click();
  await card.getByRole("region").waitFor();
  await shot(page, "finding-help");
  await expectAccessible(page, "pane with help open");

  // 下一个 walks the whole list in order.
  await page.getByRole("button", { name: "下一个" }).click();
  const after = await page.locator('li[aria-current="true"]').getAttribute("data-finding-id");
  const order = await cards.evaluateAll((els) => els.map((e) => e.getAttribute("data-finding-id")));
  expect(order.indexOf(after)).toBe(order.indexOf(spend.id) + 1);
  expect(errors).toEqual([]);
  await page.close();
});

test("a safe fix shows before and after, changes only that cell, re-checks, and undoes", async () => {
  const expected = checkWorkbook(SHEETS()).findings;
  const wide = expected.find((f) => f.rule === "IND-FULLWIDTH")!;
  const { page, errors } = await openPane();
  await page.getByRole("button", { name: "检查工作簿" }).click();
  await page.getByRole("list", { name: "问题列表" }).waitFor();
  const card = page.locator(`li[data-finding-id="${wide.id}"]`);
  await card.click();
  await expect(card.textContent()).resolves.toContain("项目：健康宣传项目");
  await card.getByRole("button", { name: "改为半角" }).click();
  const preview = page.getByRole("group", { name: `改为半角：${wide.sheet}!${wide.cell}` });
  await preview.waitFor();
  await shot(page, "fix-preview");
  await expectAccessible(page, "pane with a fix preview");
  const before = (await page.evaluate("window.__fakeExcel.allConditionalFormats()")) as number;
  expect(before).toBeGreaterThan(0);
  await preview.getByRole("button", { name: "确认修改" }).click();
  await page.getByText(/已修改 绩效指标!D8：“≧９５％” → “≥95%”/).waitFor();
  await expect(page.evaluate(`window.__fakeExcel.cell("绩效指标", "D8")`)).resolves.toBe("≥95%");
  await expect(page.locator(`li[data-finding-id="${wide.id}"]`).count()).resolves.toBe(0);
  // Our own write did not make the list look stale.
  await page.waitForTimeout(100);
  await expect(page.getByText("表格已修改，结果可能已过期").count()).resolves.toBe(0);

  await page.getByRole("region", { name: "已修复" }).getByRole("button", { name: "撤销" }).click();
  await page.getByText("已撤销对 绩效指标!D8 的修改。").waitFor();
  await expect(page.evaluate(`window.__fakeExcel.cell("绩效指标", "D8")`)).resolves.toBe("≧９５％");

  // An edit by the user marks the list as possibly out of date.
  await page.evaluate(`window.__fakeExcel.edit("收支总表", "B5", 1300)`);
  await page.getByText("表格已修改，结果可能已过期").waitFor();
  await shot(page, "stale");
  await page.getByRole("button", { name: "重新检查" }).click();
  await page.getByText("表格已修改，结果可能已过期").waitFor({ state: "detached" });
  expect(errors).toEqual([]);
  await page.close();
});

test("导出结果 writes a 检查结果 sheet with links to the cells", async () => {
  const expected = checkWorkbook(SHEETS()).findings;
  const { page, errors } = await openPane();
  await page.getByRole("button", { name: "检查工作簿" }).click();
  await page.getByRole("list", { name: "问题列表" }).waitFor();
  await page.getByRole("button", { name: "导出结果" }).click();
  await page.getByText("已将检查结果写入工作表「检查结果」。").waitFor();
  await expect(page.evaluate("window.__fakeExcel.sheetNames()")).resolves.toContain("检查结果");
  await expect(page.evaluate(`window.__fakeExcel.cell("检查结果", "A1")`)).resolves.toBe("工作表");
  const link = (await page.evaluate(`window.__fakeExcel.link("检查结果", "B2")`)) as { documentReference: string } | null;
  expect(link?.documentReference).toMatch(/^'(收支总表|绩效指标|说明)'![A-Z]+\d+$/);
  await expect(page.evaluate(`window.__fakeExcel.cell("检查结果", "A${expected.length + 1}")`)).resolves.not.toBeNull();
  expect(errors).toEqual([]);
  await page.close();
});

test("the ribbon dialog names the sheet, follows Fluent, and has no serious axe violation", async () => {
  const summary = {
    headline: "检查完成：错误 1 项，疑似 0 项，提示 1 项",
    problems: [],
    sheet: "收支总表",
    counts: { error: 1, warning: 0, info: 1 },
    ignored: 0,
  };
  const url = new URL(dialogUrl(`${server.url}/dialog.html`, summary));
  const { page, errors } = await openPane(url.search, "dialog.html", 420);
  await page.getByRole("heading", { name: "检查本表：「收支总表」" }).waitFor();
  await page.getByRole("button", { name: "在任务窗格中查看" }).click();
  await page.getByRole("status").waitFor();
  await shot(page, "dialog");
  await expectAccessible(page, "dialog");
  expect(errors).toEqual([]);
  await page.close();
});

test("in Excel's dark theme the pane and the dialog are dark and keep their contrast", async () => {
  const { page, errors } = await openPane("", "taskpane.html", 360, true);
  await page.getByRole("button", { name: "检查工作簿" }).click();
  await page.getByRole("list", { name: "问题列表" }).waitFor();
  await page.locator("li[data-finding-id]").first().click();
  const background = await page.evaluate(() => getComputedStyle(document.querySelector("main")!).backgroundColor);
  // Fluent's webDarkTheme neutral background #292929.
  expect(background).toBe("rgb(41, 41, 41)");
  await shot(page, "pane-dark");
  await expectAccessible(page, "pane, dark theme");
  await page.close();

  const url = new URL(
    dialogUrl(`${server.url}/dialog.html`, {
      headline: "检查完成：错误 1 项，疑似 0 项，提示 0 项",
      problems: [],
      sheet: "收支总表",
      counts: { error: 1, warning: 0, info: 0 },
    }),
  );
  const dialog = await openPane(url.search, "dialog.html", 420, true);
  await dialog.page.getByRole("heading", { name: "检查本表：「收支总表」" }).waitFor();
  await expectAccessible(dialog.page, "dialog, dark theme");
  expect([...errors, ...dialog.errors]).toEqual([]);
  await dialog.page.close();
});

test("the built pane's first load stays within the 350 KB gzip budget, without exceljs", () => {
  const run = spawnSync(process.execPath, [path.resolve(__dirname, "../../scripts/bundle-size.js"), distDir], {
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/任务窗格首次加载 JS（gzip）：\d+\.\d KB，预算 350 KB/);
});

test("in Trident or EdgeHTML (older volume-licensed Office) the pane says why it cannot run, elsewhere nothing", async () => {
  const legacy = "#legacy-webview";
  const normal = await openPane();
  await expect(normal.page.locator(legacy).isVisible()).resolves.toBe(false);
  await normal.page.close();
  for (const userAgent of [
    "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  ]) {
    const page = await browser.newPage({ userAgent, viewport: { width: 360, height: 760 } });
    await page.route("**/*", (route) =>
      route.request().url().startsWith(server.url) ? route.continue() : route.fulfill({ status: 200, body: "" }),
    );
    await page.goto(`${server.url}/taskpane.html`);
    await page.locator(legacy).getByText("此版本的 Excel 无法运行本加载项的任务窗格。").waitFor();
    await expect(page.locator(`${legacy} a`).getAttribute("href")).resolves.toBe("check.html");
    await page.close();
  }
});
