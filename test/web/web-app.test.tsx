/** @jest-environment jsdom */
import "../taskpane/setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { ruleById } from "../../src/core/catalogue";
import { PACKAGE, workbook } from "../../src/core/catalogue/examples";
import { checkWorkbook } from "../../src/core/check";
import { Finding } from "../../src/core/finding";
import { planFix } from "../../src/core/fixes";
import { countBySeverity } from "../../src/core/results-table";
import { SheetSnapshot, SheetView } from "../../src/core/snapshot";
import { browserStore, ignoredKey } from "../../src/web/browser-store";
import { CheckEngine, CheckOutcome, EngineError } from "../../src/web/engine";
import { previewWindow } from "../../src/web/preview-window";
import { WebApp } from "../../src/web/WebApp";
import { cleanSummary, notesSheet, summaryWithWrongSpendTotal } from "../taskpane/workbook-fixture";
import { exampleSheets } from "../support/example-grid";

/** The page's engine without a worker or exceljs: the core on the pane's literal fixture sheets. */
class FixtureEngine implements CheckEngine {
  opened: string[] = [];
  annotated: Finding[][] = [];
  tolerances: string[] = [];
  constructor(private readonly sheets: SheetSnapshot[] = [summaryWithWrongSpendTotal(), notesSheet()]) {}
  /** While set, open() waits for it: a test can act while a file is being read. */
  hold: Promise<void> | null = null;
  async open(file: { name: string; bytes: ArrayBuffer }, tolerance: string): Promise<CheckOutcome> {
    this.opened.push(file.name);
    await this.hold;
    if (file.name.endsWith(".txt")) throw new EngineError(`不是 Excel 工作簿（.xlsx）文件：${file.name}`, "not-xlsx");
    return this.recheck(tolerance);
  }
  narrative = "";
  async recheck(tolerance: string, _onProgress?: unknown, narrative?: string): Promise<CheckOutcome> {
    this.tolerances.push(tolerance);
    if (narrative !== undefined) this.narrative = narrative;
    const text = this.narrative.trim() ? { narrative: { name: "核对说明文字", text: this.narrative } } : {};
    return { ...checkWorkbook(this.sheets, { tolerance, ...text }), skipped: [], notes: [], units: {} };
  }
  async compare(file: { name: string; bytes: ArrayBuffer }, tolerance: string): Promise<CheckOutcome> {
    this.opened.push(file.name);
    return { ...(await this.recheck(tolerance)), compared: { file: file.name, tables: ["三公经费支出表"] } };
  }
  async uncompare(tolerance: string): Promise<CheckOutcome> {
    return this.recheck(tolerance);
  }
  async preview(f: Pick<Finding, "sheet" | "cell" | "related">) {
    const sheet = this.sheets.find((s) => s.name === f.sheet);
    return sheet ? previewWindow(sheet, f) : null;
  }
  async annotate(findings: Finding[]) {
    this.annotated.push(findings);
    return {
      bytes: new Uint8Array([1, 2, 3]),
      marked: findings.length,
      notes: findings.length,
      resultSheet: "检查结果",
      macroEnabled: false,
    };
  }
  fixIgnored: Finding[][] = [];
  /** The pane's planners on the fixture: the cells a fixed copy would change. */
  async fix(ignored: Finding[]) {
    this.fixIgnored.push(ignored);
    const skipped = new Set(ignored.map((f) => f.id));
    const findings = checkWorkbook(this.sheets).findings.filter((f) => !skipped.has(f.id));
    const plans = findings.flatMap((f) => {
      const sheet = this.sheets.find((s) => s.name === f.sheet);
      const plan = sheet && planFix(f, new SheetView(sheet));
      return plan ? [plan] : [];
    });
    return {
      bytes: new Uint8Array([5]),
      macroEnabled: false,
      cells: plans.flatMap((p) =>
        p.writes.map((w) => ({ sheet: w.sheet, cell: w.cell, before: w.beforeText, after: w.afterText, rule: p.rule })),
      ),
      refused: [],
      countsAfter: countBySeverity([]),
    };
  }
  async template() {
    return new Uint8Array([4]);
  }
}

function renderPage(engine = new FixtureEngine()) {
  const saved: { name: string; type: string; bytes: Uint8Array | string }[] = [];
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <WebApp
        engine={engine}
        store={browserStore(localStorage)}
        save={(bytes, name, type) => saved.push({ bytes, name, type })}
      />
    </FluentProvider>,
  );
  return { engine, saved, ...utils };
}

function choose(name: string) {
  const input = screen.getByLabelText("打开 Excel 文件");
  fireEvent.change(input, { target: { files: [new File([new Uint8Array([0x50, 0x4b])], name)] } });
}

/** The summary line the page shows once the file is checked. */
const checked = () => screen.findByText(/^已检查 \d+ 张表/);

/** The finding cards of the list (its groups are listitems too, without a finding id). */
function cards(): HTMLElement[] {
  return within(screen.getByRole("list", { name: "问题列表" }))
    .getAllByRole("listitem")
    .filter((li) => li.hasAttribute("data-finding-id"));
}

function card(f: Finding): HTMLElement {
  return cards().find((li) => li.getAttribute("data-finding-id") === f.id)!;
}

const expected = () => checkWorkbook([summaryWithWrongSpendTotal(), notesSheet()]).findings;

beforeEach(() => localStorage.clear());

describe("the browser page", () => {
  test("a chosen file's findings are listed as listitems with their severity word", async () => {
    renderPage();
    choose("预算.xlsx");
    await checked();
    const items = cards();
    expect(items).toHaveLength(expected().length);
    for (const f of expected()) expect(screen.getByText(f.message)).toBeInTheDocument();
    expect(items.every((li) => /错误|疑似|提示/.test(li.textContent ?? ""))).toBe(true);
  });

  test("与上年对比 reads the chosen last year's file through the engine, says so, and 取消对比 checks the file alone", async () => {
    const { engine } = renderPage();
    choose("预算.xlsx");
    await checked();
    const lastYear = screen.getByLabelText("选择上年的 Excel 文件");
    fireEvent.change(lastYear, { target: { files: [new File([new Uint8Array([0x50, 0x4b])], "上年.xlsx")] } });
    await screen.findByText("已与上年文件「上年.xlsx」对比 1 张表：三公经费支出表");
    expect(engine.opened).toEqual(["预算.xlsx", "上年.xlsx"]);
    expect(screen.getByRole("button", { name: "换一个上年文件" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "取消对比" }));
    await waitFor(() => expect(screen.queryByText(/已与上年文件/)).not.toBeInTheDocument());
    expect(screen.getByRole("button", { name: "与上年对比…" })).toBeInTheDocument();
  });

  test("a file the reader refuses shows the reader's one-line message and no list", async () => {
    renderPage();
    choose("说明.txt");
    await screen.findByText("不是 Excel 工作簿（.xlsx）文件：说明.txt");
    expect(screen.queryByRole("list", { name: "问题列表" })).toBeNull();
  });

  test("ignoring keeps the finding out of the counts and the copy, and survives reopening the file", async () => {
    const { engine, saved, unmount } = renderPage();
    choose("预算.xlsx");
    await checked();
    const spend = expected().find((f) => f.rule === "BAL-SPEND")!;
    fireEvent.click(card(spend));
    fireEvent.click(within(card(spend)).getByRole("button", { name: "忽略" }));
    await waitFor(() => expect(screen.queryByText(spend.message)).toBeNull());
    expect(screen.getByText("（另有 1 个已忽略）")).toBeInTheDocument();
    const key = ignoredKey("预算.xlsx", ["收支总表", "说明"]);
    expect(JSON.parse(localStorage.getItem(key)!)).toEqual([spend.id]);

    fireEvent.click(screen.getByRole("button", { name: "下载标注副本" }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe("预算-已标注.xlsx");
    expect(engine.annotated[0].map((f) => f.id)).toEqual(
      expected()
        .filter((f) => f.id !== spend.id)
        .map((f) => f.id),
    );
    unmount();

    renderPage();
    choose("预算.xlsx");
    await checked();
    expect(screen.queryByText(spend.message)).toBeNull();
    fireEvent.click(screen.getByRole("switch", { name: "显示已忽略（1）" }));
    fireEvent.click(card(spend));
    fireEvent.click(within(card(spend)).getByRole("button", { name: "恢复" }));
    await waitFor(() => expect(localStorage.getItem(key)).toBeNull());
  });

  test("a clean workbook says 未发现问题 once; one with a sheet not understood never says it", async () => {
    const clean = renderPage(new FixtureEngine([cleanSummary()]));
    choose("干净.xlsx");
    await checked();
    expect(document.body.textContent!.match(/未发现问题/g)).toHaveLength(1);
    clean.unmount();

    renderPage(new FixtureEngine([cleanSummary(), notesSheet()]));
    choose("含说明.xlsx");
    await checked();
    expect(document.body.textContent).not.toMatch(/未发现问题/);
    expect(document.body.textContent).toContain("「说明」：未识别出可检查的表格，未检查");
  });

  test("下载修复副本 lists every cell it changes before anything is downloaded, and leaves the ignored alone", async () => {
    const { engine, saved } = renderPage();
    choose("预算.xlsx");
    await checked();
    const spend = expected().find((f) => f.rule === "BAL-SPEND")!;
    fireEvent.click(screen.getByRole("button", { name: "下载修复副本" }));
    const list = await screen.findByRole("region", { name: "修复副本将修改的单元格" });
    expect(list).toHaveTextContent("修复副本「预算-已修复.xlsx」将修改");
    expect(list).toHaveTextContent(`${spend.sheet}!${spend.cell}：手工录入的 1520.00 → =SUM(D5:D10)`);
    expect(list).toHaveTextContent("本年支出合计应等于各项支出之和（BAL-SPEND）");
    expect(saved).toHaveLength(0);
    fireEvent.click(within(list).getByRole("button", { name: "取消" }));
    await waitFor(() => expect(screen.queryByRole("region", { name: "修复副本将修改的单元格" })).toBeNull());
    expect(saved).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "下载修复副本" }));
    fireEvent.click(
      within(await screen.findByRole("region", { name: "修复副本将修改的单元格" })).getByRole("button", { name: "确认下载" }),
    );
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ name: "预算-已修复.xlsx", bytes: new Uint8Array([5]) });
    await screen.findByText(/已下载修复副本「预算-已修复.xlsx」/);

    // An ignored finding is handed to the engine, which leaves it unfixed.
    fireEvent.click(screen.getByText(spend.message));
    fireEvent.click(within(card(spend)).getByRole("button", { name: "忽略" }));
    fireEvent.click(screen.getByRole("button", { name: "下载修复副本" }));
    await waitFor(() => expect(engine.fixIgnored).toHaveLength(3));
    expect(engine.fixIgnored[2].map((f) => f.id)).toEqual([spend.id]);
  });

  test("selecting a finding previews its cell with the flagged and related cells marked", async () => {
    renderPage();
    choose("预算.xlsx");
    await checked();
    const spend = expected().find((f) => f.rule === "BAL-SPEND")!;
    fireEvent.click(screen.getByText(spend.message));
    expect(card(spend)).toHaveAttribute("aria-current", "true");
    const region = await screen.findByRole("region", { name: `「${spend.sheet}」${spend.cell} 附近的单元格（只读）` });
    const flagged = region.querySelector('[data-mark="flagged"]')!;
    expect(flagged.getAttribute("data-cell")).toBe(spend.cell);
    const related = [...region.querySelectorAll('[data-mark="related"]')].map((td) => td.getAttribute("data-cell"));
    expect(related.length).toBeGreaterThan(0);
    expect(spend.related).toEqual(expect.arrayContaining(related));
    fireEvent.click(within(screen.getByRole("region", { name: "单元格预览" })).getByRole("button", { name: "关闭预览" }));
    expect(screen.queryByRole("region", { name: "单元格预览" })).toBeNull();
  });

  test("怎么改 explains the rule and its example but promises no one-click fix: the page has none", async () => {
    renderPage();
    choose("预算.xlsx");
    await checked();
    const spend = expected().find((f) => f.rule === "BAL-SPEND")!;
    expect(ruleById("BAL-SPEND").fix).not.toBeNull();
    fireEvent.click(card(spend));
    fireEvent.click(within(card(spend)).getByRole("button", { name: "怎么改" }));
    const help = screen.getByRole("region", { name: /^怎么改：本年支出合计应等于各项支出之和/ });
    expect(help).toHaveTextContent(ruleById("BAL-SPEND").help);
    expect(help).not.toHaveTextContent("一键修复");
    expect(within(card(spend)).queryByRole("button", { name: "改为求和公式" })).toBeNull();
  });

  test("a file dropped while another is being read is refused, and the page says why", async () => {
    const engine = new FixtureEngine();
    let release!: () => void;
    engine.hold = new Promise((resolve) => (release = resolve));
    renderPage(engine);
    choose("预算.xlsx");
    await waitFor(() => expect(engine.opened).toEqual(["预算.xlsx"]));
    const drop = new Event("drop", { cancelable: true }) as Event & { dataTransfer: unknown };
    drop.dataTransfer = { types: ["Files"], files: [new File([new Uint8Array([0x50, 0x4b])], "另一个.xlsx")] };
    fireEvent(window, drop);
    await screen.findByText("上一项操作尚未完成，请稍候。");
    release();
    await checked();
    expect(engine.opened).toEqual(["预算.xlsx"]);
  });

  test("the rounding band is validated, kept in the browser and re-checks the open file", async () => {
    const { engine } = renderPage();
    choose("预算.xlsx");
    await checked();
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    const field = screen.getByLabelText("容差（舍入误差）");
    fireEvent.change(field, { target: { value: "abc" } });
    fireEvent.click(screen.getByRole("button", { name: "保存" }));
    await screen.findByText("容差必须是非负数字，例如 0.01。");
    fireEvent.change(field, { target: { value: "3" } });
    fireEvent.click(screen.getByRole("button", { name: "保存" }));
    await screen.findByText("容差已设为 3，已重新检查。");
    expect(engine.tolerances).toEqual(["0.01", "3"]);
    expect(localStorage.getItem("budget-check:tolerance")).toBe("3");
  });

  test("templates download as .xlsx named after the template", async () => {
    const { saved } = renderPage();
    fireEvent.click(screen.getByRole("tab", { name: "下载模板" }));
    // There is no workbook to add a project block to in the browser.
    expect(screen.queryByRole("button", { name: "添加项目块" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "下载模板：部门预算收支总表" }));
    await waitFor(() => expect(saved.map((s) => s.name)).toEqual(["部门预算收支总表.xlsx"]));
  });

  test("下载结果（JSON） is the command line's --json report for the file", async () => {
    const { saved } = renderPage();
    choose("预算.xlsx");
    await checked();
    fireEvent.click(screen.getByRole("button", { name: "下载结果（JSON）" }));
    const report = JSON.parse(saved[0].bytes as string);
    expect(saved[0].name).toBe("预算-检查结果.json");
    expect(report.version).toBe(1);
    expect(report.files[0].findings.map((f: Finding) => `${f.rule}@${f.cell}`)).toEqual(
      expected().map((f) => `${f.rule}@${f.cell}`),
    );
  });

  test("a package's year, unit and 编制单位 are stated once, in the summary", async () => {
    // The catalogue's example package: nine tables of 示例局, 2025, 万元.
    renderPage(new FixtureEngine(exampleSheets(workbook(PACKAGE, PACKAGE[0].name, "A1"))));
    choose("预算.xlsx");
    await screen.findByRole("status");
    const stated = "部门预算公开表 9 张；2025 年度；金额单位：万元；编制单位：示例局";
    expect(screen.getAllByText(stated)).toHaveLength(1);
  });

  test("核对说明文字: pasted text is checked with the open file's tables, its findings named by line", async () => {
    const engine = new FixtureEngine(exampleSheets(workbook(PACKAGE, PACKAGE[0].name, "A1")));
    renderPage(engine);
    choose("预算.xlsx");
    await screen.findByRole("status");
    fireEvent.change(screen.getByRole("textbox", { name: /核对说明文字/ }), {
      target: { value: "一、收支情况\n2025年“三公”经费预算28万元，其中公务接待费9万元。" },
    });
    fireEvent.click(screen.getByRole("button", { name: "核对说明文字" }));
    const card = (await screen.findByText(/说明写公务接待费 9万元/)).closest("li")!;
    expect(card).toHaveTextContent("核对说明文字 第 2 行");
    expect(engine.narrative).toContain("公务接待费9万元");
    fireEvent.click(screen.getByRole("button", { name: "清空" }));
    await waitFor(() => expect(screen.queryByText(/说明写公务接待费 9万元/)).toBeNull());
  });
});
