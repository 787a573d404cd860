/** @jest-environment jsdom */
import "./setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ruleById } from "../../src/core/catalogue";
import { countBySeverity } from "../../src/excel/check-flow";
import { GatewayError } from "../../src/excel/gateway";
import { FakeGateway } from "./fake-gateway";
import { expectedFindings, fixtureSheets, renderApp } from "./render-app";

async function checkWorkbook(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
  await screen.findByRole("status", { name: "检查结果汇总" });
  await waitFor(() => expect(screen.getByRole("button", { name: "检查工作簿" })).toBeEnabled());
}

describe("task pane check", () => {
  test("shows the counts by severity and the findings grouped by sheet and rule", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const expected = expectedFindings();
    renderApp(gateway);
    await checkWorkbook();

    const counts = countBySeverity(expected);
    expect(screen.getByTestId("count-error")).toHaveTextContent(`错误 ${counts.error}`);
    expect(screen.getByTestId("count-warning")).toHaveTextContent(`疑似 ${counts.warning}`);
    expect(screen.getByTestId("count-info")).toHaveTextContent(`提示 ${counts.info}`);
    expect(screen.getByText("已检查 2 张表")).toBeInTheDocument();

    for (const f of expected) {
      const sheet = screen.getByRole("region", { name: `工作表 ${f.sheet}` });
      const rule = within(sheet).getByRole("region", { name: ruleById(f.rule).title });
      expect(within(rule).getByText(f.message)).toBeInTheDocument();
    }
    const spend = expected.find((f) => f.rule === "BAL-SPEND")!;
    const item = screen.getByText(spend.message).closest("li")!;
    expect(item).toHaveTextContent(`预期 ${spend.expected}`);
    expect(item).toHaveTextContent(`实际 ${spend.actual}`);
    expect(item).toHaveTextContent(`相差 ${spend.difference}`);
    // The marks on the sheet are the findings listed.
    expect(gateway.markedCells().sort()).toEqual(expected.map((f) => `${f.sheet}!${f.cell}`).sort());
  });

  test("checking the active sheet reads only that sheet", async () => {
    const gateway = new FakeGateway(fixtureSheets(), "说明");
    renderApp(gateway);
    fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
    expect(await screen.findByText("已检查 1 张表")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "工作表 收支总表" })).toBeNull();
  });

  test("clicking a finding selects its cell", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const spend = expectedFindings().find((f) => f.rule === "BAL-SPEND")!;
    renderApp(gateway);
    await checkWorkbook();
    fireEvent.click(screen.getByText(spend.message));
    await waitFor(() => expect(gateway.selections).toEqual([{ sheet: spend.sheet, cell: spend.cell }]));
  });

  test("the severity filter hides the unticked severities", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const expected = expectedFindings();
    const errors = expected.filter((f) => f.severity === "error");
    const others = expected.filter((f) => f.severity !== "error");
    renderApp(gateway);
    await checkWorkbook();

    fireEvent.click(screen.getByRole("button", { name: "错误", pressed: true }));
    expect(screen.getByRole("button", { name: "错误", pressed: false })).toBeInTheDocument();
    for (const f of errors) expect(screen.queryByText(f.message)).toBeNull();
    for (const f of others) expect(screen.getByText(f.message)).toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "错误", pressed: false }));
    for (const f of expected) expect(screen.getByText(f.message)).toBeInTheDocument();
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
    await screen.findByRole("status", { name: "检查结果汇总" });
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  });

  test("a gateway failure shows its Chinese message in a MessageBar", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    gateway.failNext("readSheets", new GatewayError("InvalidOperationInCellEditMode", "Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，再检查。"));
    renderApp(gateway);
    fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
    const message = await screen.findByText("Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，再检查。");
    expect(message.closest("[role=group], .fui-MessageBar")).not.toBeNull();
    expect(screen.getByRole("button", { name: "检查工作簿" })).toBeEnabled();
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
    // The raw error is kept for diagnosis, in the console only.
    expect(log).toHaveBeenCalledWith(expect.any(String), expect.any(TypeError));
    log.mockRestore();
  });

  test("clearing marks removes every mark and says how many", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const expected = expectedFindings();
    renderApp(gateway);
    await checkWorkbook();
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(await screen.findByText(`已清除 ${expected.length} 处标记。`)).toBeInTheDocument();
    expect(gateway.markedCells()).toEqual([]);
  });

  test("?action=checkWorkbook runs the workbook check on open", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    renderApp(gateway, { view: "check", checkWorkbook: true });
    expect(await screen.findByText("已检查 2 张表")).toBeInTheDocument();
    expect(gateway.calls.filter((c) => c === "readSheets")).toHaveLength(1);
  });
});
