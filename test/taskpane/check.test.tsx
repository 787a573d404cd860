/** @jest-environment jsdom */
import "./setup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ruleById } from "../../src/core/catalogue";
import { countBySeverity } from "../../src/excel/check-flow";
import { GatewayError } from "../../src/excel/gateway";
import { SUCCESS_MS } from "../../src/ui/hooks/notices";
import { cleanSummary, notesSheet } from "./workbook-fixture";
import { FakeGateway } from "./fake-gateway";
import { expectedFindings, fixtureSheets, renderApp } from "./render-app";

async function checkWorkbook(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
  await screen.findByRole("list", { name: "问题列表" });
  await waitFor(() => expect(screen.getByRole("button", { name: "检查工作簿" })).toBeEnabled());
}

const items = () =>
  within(screen.getByRole("list", { name: "问题列表" }))
    .getAllByRole("listitem")
    .filter((li) => li.hasAttribute("data-finding-id"));
const notices = (container: HTMLElement) =>
  [...container.querySelectorAll(".fui-MessageBarBody")].map((n) => n.textContent ?? "");

describe("task pane check", () => {
  test("lists every finding once, errors first, with the counts and the 应为/实际/相差 line", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const expected = expectedFindings();
    renderApp(gateway);
    await checkWorkbook();

    const counts = countBySeverity(expected);
    expect(screen.getByTestId("count-error")).toHaveTextContent(`错误 ${counts.error}`);
    expect(screen.getByTestId("count-warning")).toHaveTextContent(`疑似 ${counts.warning}`);
    expect(screen.getByTestId("count-info")).toHaveTextContent(`提示 ${counts.info}`);
    expect(screen.getByText(/已检查 2 张表/)).toBeInTheDocument();

    const listed = items();
    expect(listed.map((li) => li.getAttribute("data-finding-id")).sort()).toEqual(expected.map((f) => f.id).sort());
    // Severity first: the error precedes the info although it sits lower in the sheet.
    expect(listed[0]).toHaveTextContent("错误");
    expect(listed[listed.length - 1]).toHaveTextContent("提示");
    const spend = expected.find((f) => f.rule === "BAL-SPEND")!;
    const card = listed.find((li) => li.getAttribute("data-finding-id") === spend.id)!;
    expect(card).toHaveTextContent("收支总表!D11");
    expect(card.textContent).toContain("应为 1,500.00　实际 1,520.00　相差 +20.00 万元");
    // One Tab stop per finding: no button inside a card until it is current.
    for (const li of listed) {
      expect(li).toHaveAttribute("tabindex", "0");
      expect(within(li).queryAllByRole("button")).toHaveLength(0);
    }
    // The marks on the sheet are the findings listed.
    expect(gateway.markedCells().sort()).toEqual(expected.map((f) => `${f.sheet}!${f.cell}`).sort());
  });

  test("checking the active sheet reads only that sheet; a sheet not understood never reads 未发现问题", async () => {
    const gateway = new FakeGateway(fixtureSheets(), "说明");
    const { container } = renderApp(gateway);
    fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
    expect(await screen.findByText(/已检查 1 张表/)).toBeInTheDocument();
    await waitFor(() => expect(notices(container)).toEqual(["「说明」：未识别出可检查的表格，未检查"]));
    expect(container.textContent).not.toMatch(/未发现问题/);
    expect(screen.getByText(/部分工作表未能检查/)).toBeInTheDocument();
  });

  test("a clean workbook says 未发现问题 once (issue 19)", async () => {
    const { container } = renderApp(new FakeGateway([cleanSummary()]));
    fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
    expect(await screen.findByText(/已检查 1 张表/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "检查工作簿" })).toBeEnabled());
    expect(container.textContent!.match(/未发现问题/g)).toHaveLength(1);
  });

  test("clicking a finding selects its cell and the cells it sums, and marks it current", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const spend = expectedFindings().find((f) => f.rule === "BAL-SPEND")!;
    renderApp(gateway);
    await checkWorkbook();
    fireEvent.click(screen.getByText(spend.message));
    await waitFor(() => expect(gateway.selections).toEqual([{ sheet: spend.sheet, cell: spend.cell, related: spend.related }]));
    const card = screen.getByText(spend.message).closest("li")!;
    expect(card).toHaveAttribute("aria-current", "true");
    expect(items().filter((li) => li.getAttribute("aria-current") === "true")).toHaveLength(1);
  });

  test("上一个/下一个 and ↑/↓/Enter step through the findings in the listed order", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    renderApp(gateway);
    await checkWorkbook();
    const order = items().map((li) => li.getAttribute("data-finding-id"));
    const current = () =>
      items()
        .find((li) => li.getAttribute("aria-current") === "true")
        ?.getAttribute("data-finding-id");

    fireEvent.click(screen.getByRole("button", { name: "下一个" }));
    await waitFor(() => expect(current()).toBe(order[0]));
    fireEvent.click(screen.getByRole("button", { name: "下一个" }));
    await waitFor(() => expect(current()).toBe(order[1]));
    expect(document.activeElement?.getAttribute("data-finding-id")).toBe(order[1]);
    fireEvent.click(screen.getByRole("button", { name: "上一个" }));
    await waitFor(() => expect(current()).toBe(order[0]));

    const first = items()[0];
    fireEvent.keyDown(first, { key: "ArrowDown" });
    await waitFor(() => expect(current()).toBe(order[1]));
    await waitFor(() => expect(document.activeElement?.getAttribute("data-finding-id")).toBe(order[1]));
    fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    await waitFor(() => expect(current()).toBe(order[0]));
    const before = gateway.selections.length;
    fireEvent.keyDown(items()[0], { key: "Enter" });
    await waitFor(() => expect(gateway.selections.length).toBe(before + 1));
    expect(gateway.selections.at(-1)?.cell).toBe(expectedFindings().find((f) => f.id === order[0])!.cell);
  });

  test("clicking a severity count shows only that severity; clicking it again shows all", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const expected = expectedFindings();
    const errors = expected.filter((f) => f.severity === "error");
    const others = expected.filter((f) => f.severity !== "error");
    renderApp(gateway);
    await checkWorkbook();

    fireEvent.click(screen.getByTestId("count-error"));
    expect(screen.getByTestId("count-error")).toHaveAttribute("aria-pressed", "true");
    for (const f of errors) expect(screen.getByText(f.message)).toBeInTheDocument();
    for (const f of others) expect(screen.queryByText(f.message)).toBeNull();

    fireEvent.click(screen.getByTestId("count-error"));
    expect(screen.getByTestId("count-error")).toHaveAttribute("aria-pressed", "false");
    for (const f of expected) expect(screen.getByText(f.message)).toBeInTheDocument();
    expect(screen.queryByText("没有符合筛选条件的问题。")).toBeNull();
  });

  test("怎么改 opens the rule's help on the current finding", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const spend = expectedFindings().find((f) => f.rule === "BAL-SPEND")!;
    renderApp(gateway);
    await checkWorkbook();
    fireEvent.click(screen.getByText(spend.message));
    const how = await screen.findByRole("button", { name: "怎么改" });
    expect(how).toHaveAttribute("aria-expanded", "false");
    fireEvent.click(how);
    expect(how).toHaveAttribute("aria-expanded", "true");
    const help = screen.getByRole("region", { name: /^怎么改：本年支出合计应等于各项支出之和/ });
    const rule = ruleById("BAL-SPEND");
    expect(help).toHaveTextContent(rule.help);
    expect(help).toHaveTextContent(`一键修复：${rule.fix}`);
    // The example workbook, with the cell the rule fires on outlined.
    expect(within(help).getByRole("table")).toBeInTheDocument();
    expect(help).toHaveTextContent(`例：工作表「${rule.example.sheet}」的 ${rule.example.cell}`);
  });

  test("shows progress with the stage while the check runs", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    gateway.holdReads();
    renderApp(gateway);
    fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByText(/正在读取…（0\/2 张表）/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "检查工作簿" })).toBeDisabled();
    gateway.releaseReads();
    await screen.findByRole("list", { name: "问题列表" });
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  });

  test("a gateway failure shows its Chinese message in a MessageBar that stays", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    gateway.failNext(
      "readSheets",
      new GatewayError("InvalidOperationInCellEditMode", "Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，再检查。"),
    );
    renderApp(gateway);
    fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
    const message = await screen.findByText("Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，再检查。");
    expect(message.closest(".fui-MessageBar")).not.toBeNull();
    expect(screen.getByRole("button", { name: "检查工作簿" })).toBeEnabled();
    fireEvent.click(screen.getByRole("button", { name: "关闭提示" }));
    expect(screen.queryByText("Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，再检查。")).toBeNull();
  });

  test("an unexpected error shows a plain Chinese sentence, not its text or stack", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    gateway.readSheets = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'values')");
    };
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { container } = renderApp(gateway);
    fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
    expect(await screen.findByText("检查失败。请稍后重试；如果问题反复出现，请关闭任务窗格后重新打开。")).toBeInTheDocument();
    expect(container.textContent).not.toMatch(/Cannot read|TypeError|at /);
    expect(log).toHaveBeenCalledWith(expect.any(String), expect.any(TypeError));
    log.mockRestore();
  });

  test("clearing marks says how many, and the success goes away by itself", async () => {
    jest.useFakeTimers();
    try {
      const gateway = new FakeGateway(fixtureSheets());
      const expected = expectedFindings();
      renderApp(gateway);
      await checkWorkbook();
      fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
      expect(await screen.findByText(`已清除 ${expected.length} 处标记。`)).toBeInTheDocument();
      expect(gateway.markedCells()).toEqual([]);
      // The note about the unrecognised sheet is gone too: the new action superseded it.
      expect(screen.queryByText(/未识别出可检查的表格/)).toBeNull();
      act(() => void jest.advanceTimersByTime(SUCCESS_MS + 10));
      expect(screen.queryByText(`已清除 ${expected.length} 处标记。`)).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  test("a failed 清除标记 says so and never also says there was nothing to clear", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    renderApp(gateway);
    gateway.clearMarks = async () => ({
      count: 0,
      problems: [{ code: "Unknown" as const, message: "清除标记时出错。请稍后重试。" }],
    });
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(await screen.findByText("清除标记时出错。请稍后重试。")).toBeInTheDocument();
    expect(screen.queryByText("没有需要清除的标记。")).toBeNull();
  });

  test("?action=checkWorkbook runs the workbook check on open", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    renderApp(gateway, { view: "check", checkWorkbook: true });
    expect(await screen.findByText(/已检查 2 张表/)).toBeInTheDocument();
    expect(gateway.calls.filter((c) => c === "readSheets")).toHaveLength(1);
  });

  test("nothing to check says so, without a filter message", async () => {
    const gateway = new FakeGateway([notesSheet()]);
    gateway.readSheets = async () => ({ snapshots: [], problems: [] });
    const { container } = renderApp(gateway);
    fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
    await waitFor(() => expect(notices(container)).toEqual(["没有可检查的工作表。"]));
    expect(screen.queryByText("没有符合筛选条件的问题。")).toBeNull();
  });

  test("核对说明文字: a pasted 说明 is checked with the workbook, its findings named by line and never marked", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    renderApp(gateway);
    await checkWorkbook();
    const before = gateway.markedCells().sort();
    fireEvent.change(screen.getByRole("textbox", { name: /核对说明文字/ }), {
      target: { value: "2025年公务接待费预算8.47万元，比上年减少1.51万元，下降1.10%。" },
    });
    fireEvent.click(screen.getByRole("button", { name: "核对说明文字" }));
    const card = (await screen.findByText(/应写 15.13%/)).closest("li")!;
    expect(card).toHaveTextContent("核对说明文字 第 1 行");
    expect(gateway.markedCells().sort()).toEqual(before);
    fireEvent.click(card);
    expect(gateway.selections).toEqual([]);
  });
});
