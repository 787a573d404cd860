/** @jest-environment jsdom */
import "./setup";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { FakeGateway } from "./fake-gateway";
import { expectedFindings, fixtureSheets, renderApp } from "./render-app";

async function check(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
  await screen.findByRole("status", { name: "检查结果汇总" });
  await waitFor(() => expect(screen.getByRole("button", { name: "检查工作簿" })).toBeEnabled());
}

describe("ignoring findings", () => {
  test("ignoring hides the finding, saves its id, unmarks its cell and survives a re-check", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const expected = expectedFindings();
    const spend = expected.find((f) => f.rule === "BAL-SPEND")!;
    renderApp(gateway);
    await check();

    fireEvent.click(screen.getByRole("button", { name: `忽略：${spend.message}` }));
    await waitFor(() => expect(screen.queryByText(spend.message)).toBeNull());
    expect(gateway.settings.ignored).toEqual([spend.id]);
    expect(gateway.markedCells()).not.toContain(`${spend.sheet}!${spend.cell}`);
    expect(screen.getByText("已忽略 1")).toBeInTheDocument();
    const errorsLeft = expected.filter((f) => f.severity === "error" && f.id !== spend.id).length;
    expect(screen.getByTestId("count-error")).toHaveTextContent(`错误 ${errorsLeft}`);

    await check();
    expect(screen.queryByText(spend.message)).toBeNull();
    expect(gateway.markedCells()).not.toContain(`${spend.sheet}!${spend.cell}`);
    expect(screen.getByTestId("count-error")).toHaveTextContent(`错误 ${errorsLeft}`);
  });

  test("the toggle shows ignored findings, which can be restored one by one", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const spend = expectedFindings().find((f) => f.rule === "BAL-SPEND")!;
    gateway.settings.ignored = [spend.id];
    renderApp(gateway);
    await check();
    expect(screen.queryByText(spend.message)).toBeNull();

    fireEvent.click(screen.getByRole("switch", { name: "显示已忽略" }));
    const item = screen.getByText(spend.message).closest("li")!;
    expect(item).toHaveTextContent("已忽略");

    fireEvent.click(screen.getByRole("button", { name: `恢复：${spend.message}` }));
    await waitFor(() => expect(gateway.settings.ignored).toEqual([]));
    expect(gateway.markedCells()).toContain(`${spend.sheet}!${spend.cell}`);
  });

  test("重置忽略 brings every ignored finding back and empties the saved list", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const expected = expectedFindings();
    gateway.settings.ignored = expected.map((f) => f.id);
    renderApp(gateway);
    await check();
    for (const f of expected) expect(screen.queryByText(f.message)).toBeNull();
    expect(gateway.markedCells()).toEqual([]);

    fireEvent.click(screen.getByRole("button", { name: "重置忽略" }));
    for (const f of expected) expect(await screen.findByText(f.message)).toBeInTheDocument();
    expect(gateway.settings.ignored).toEqual([]);
    expect(gateway.markedCells().length).toBe(expected.length);
  });

  test("a failed save is reported in Chinese", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const spend = expectedFindings().find((f) => f.rule === "BAL-SPEND")!;
    renderApp(gateway);
    await check();
    const { GatewayError } = await import("../../src/excel/gateway");
    gateway.failNext("saveSettings", new GatewayError("AccessDenied", "工作簿受保护，无法保存设置。"));
    fireEvent.click(screen.getByRole("button", { name: `忽略：${spend.message}` }));
    expect(await screen.findByText("工作簿受保护，无法保存设置。")).toBeInTheDocument();
    expect(screen.getByText(spend.message)).toBeInTheDocument();
    expect(gateway.settings.ignored).toEqual([]);
  });
});
