/** @jest-environment jsdom */
import "./setup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { FakeGateway } from "./fake-gateway";
import { expectedFindings, fixtureSheets, renderApp } from "./render-app";

async function check(label = "检查工作簿"): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: label }));
  await screen.findByRole("list", { name: "问题列表" });
  await waitFor(() => expect(screen.getByRole("button", { name: label })).toBeEnabled());
}

async function open(message: string): Promise<HTMLElement> {
  fireEvent.click(screen.getByText(message));
  const card = screen.getByText(message).closest("li")!;
  await waitFor(() => expect(card).toHaveAttribute("aria-current", "true"));
  return card;
}

const textNum = () => expectedFindings().find((f) => f.rule === "CELL-TEXTNUM")!;

describe("one-click fixes", () => {
  test("a text number becomes a number after the before/after is shown; only that cell is written; the sheet is re-checked; undo restores it", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const finding = textNum();
    renderApp(gateway);
    await check();
    const reads = gateway.calls.filter((c) => c === "readSheets").length;

    fireEvent.click(within(await open(finding.message)).getByRole("button", { name: "改为数字" }));
    const preview = await screen.findByRole("group", { name: `改为数字：${finding.sheet}!${finding.cell}` });
    expect(preview).toHaveTextContent("修改前：文本“300.00”");
    expect(preview).toHaveTextContent("修改后：数字 300");
    expect(gateway.writes).toEqual([]);
    fireEvent.click(within(preview).getByRole("button", { name: "确认修改" }));

    await screen.findByText(/已修改 收支总表!B7：文本“300.00” → 数字 300，并重新检查了该表。/);
    expect(gateway.writes).toEqual([
      { sheet: "收支总表", cell: "B7", after: { value: 300, formula: "", numberFormat: "General" } },
    ]);
    expect(gateway.calls.filter((c) => c === "readSheets").length).toBe(reads + 1);
    await waitFor(() => expect(screen.queryByText(finding.message)).toBeNull());
    // Our own write is not the user's edit: the list is current.
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.queryByText("表格已修改，结果可能已过期")).toBeNull();

    const fixed = screen.getByRole("region", { name: "已修复" });
    fireEvent.click(within(fixed).getByRole("button", { name: "撤销" }));
    await screen.findByText("已撤销对 收支总表!B7 的修改。");
    expect(gateway.writes[1]).toEqual({
      sheet: "收支总表",
      cell: "B7",
      after: { value: "300.00", formula: "", numberFormat: "@" },
    });
    expect(await screen.findByText(finding.message)).toBeInTheDocument();
  });

  test("a typed total becomes =SUM over its items", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const spend = expectedFindings().find((f) => f.rule === "BAL-SPEND")!;
    renderApp(gateway);
    await check();
    fireEvent.click(within(await open(spend.message)).getByRole("button", { name: "改为求和公式" }));
    const preview = await screen.findByRole("group", { name: `改为求和公式：${spend.sheet}!${spend.cell}` });
    // The block's item rows as a range, rows filled in later included; the preview gives the value.
    expect(preview).toHaveTextContent("修改后：=SUM(D5:D10)（计算结果 1,500.00）");
    fireEvent.click(within(preview).getByRole("button", { name: "确认修改" }));
    await waitFor(() =>
      expect(gateway.writes).toEqual([{ sheet: "收支总表", cell: "D11", after: { value: 1500, formula: "=SUM(D5:D10)" } }]),
    );
  });

  test("a refused write stays on screen and nothing is recorded as fixed", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const finding = textNum();
    renderApp(gateway);
    await check();
    const { GatewayError } = await import("../../src/excel/gateway");
    gateway.failNext("writeCell", new GatewayError("AccessDenied", "工作表“收支总表”受密码保护，无法修改单元格。"));
    fireEvent.click(within(await open(finding.message)).getByRole("button", { name: "改为数字" }));
    fireEvent.click(await screen.findByRole("button", { name: "确认修改" }));
    expect(await screen.findByText("工作表“收支总表”受密码保护，无法修改单元格。")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "已修复" })).toBeNull();
    expect(screen.getByText(finding.message)).toBeInTheDocument();
  });
});

describe("trusting the state", () => {
  test("an edit of a checked sheet marks the list as possibly stale, and 重新检查 clears it", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    renderApp(gateway);
    await check();
    expect(gateway.watcher?.sheets).toEqual(["收支总表", "说明"]);
    act(() => gateway.userEdits("收支总表", "B5"));
    expect(await screen.findByText("表格已修改，结果可能已过期")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "重新检查" }));
    await waitFor(() => expect(screen.queryByText("表格已修改，结果可能已过期")).toBeNull());
    expect(gateway.calls.filter((c) => c === "readSheets")).toHaveLength(2);
  });

  test("a new rounding band marks the list as stale", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    renderApp(gateway);
    await check();
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    fireEvent.change(screen.getByRole("textbox"), { target: { value: "0.5" } });
    fireEvent.click(screen.getByRole("button", { name: "保存" }));
    await screen.findByText("容差已设为 0.5，下次检查时生效。");
    fireEvent.click(screen.getByRole("tab", { name: "检查" }));
    expect(screen.getByText("表格已修改，结果可能已过期")).toBeInTheDocument();
  });
});

describe("export", () => {
  test("导出结果 writes the findings not ignored to the 检查结果 sheet", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const expected = expectedFindings();
    gateway.settings.ignored = [expected[0].id];
    renderApp(gateway);
    await check();
    fireEvent.click(screen.getByRole("button", { name: "导出结果" }));
    await screen.findByText("已将检查结果写入工作表「检查结果」。");
    expect(gateway.exported).toEqual([expected.slice(1)]);
  });

  test("复制摘要 copies the Chinese summary", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
    const gateway = new FakeGateway(fixtureSheets());
    renderApp(gateway);
    await check();
    fireEvent.click(screen.getByRole("button", { name: "复制摘要" }));
    // By text, not by role: 已复制 goes back after 3 s, and a role query over the whole pane can take
    // that long on a loaded machine.
    expect((await screen.findByText("已复制")).closest("button")).not.toBeNull();
    const text = writeText.mock.calls[0][0] as string;
    expect(text).toMatch(/^预算表检查结果：共检查 2 张表，错误 1 项，疑似 0 项，提示 1 项。/);
    expect(text).toContain("1. 收支总表!D11　本年支出合计");
  });
});
