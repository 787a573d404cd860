/** @jest-environment jsdom */
import "./setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { FakeGateway } from "./fake-gateway";
import { expectedFindings, fixtureSheets, renderApp } from "./render-app";

async function check(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
  await screen.findByRole("list", { name: "问题列表" });
  await waitFor(() => expect(screen.getByRole("button", { name: "检查工作簿" })).toBeEnabled());
}

/** Makes the finding current (its buttons appear) and returns its card. */
async function open(message: string): Promise<HTMLElement> {
  fireEvent.click(screen.getByText(message));
  const card = screen.getByText(message).closest("li")!;
  await waitFor(() => expect(card).toHaveAttribute("aria-current", "true"));
  return card;
}

describe("ignoring findings", () => {
  test("ignoring hides the finding, saves its id, unmarks its cell and survives a re-check", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const expected = expectedFindings();
    const spend = expected.find((f) => f.rule === "BAL-SPEND")!;
    renderApp(gateway);
    await check();

    fireEvent.click(within(await open(spend.message)).getByRole("button", { name: "忽略" }));
    await waitFor(() => expect(screen.queryByText(spend.message)).toBeNull());
    expect(gateway.settings.ignored).toEqual([spend.id]);
    expect(gateway.markedCells()).not.toContain(`${spend.sheet}!${spend.cell}`);
    expect(screen.getByText("（另有 1 个已忽略）")).toBeInTheDocument();
    const errorsLeft = expected.filter((f) => f.severity === "error" && f.id !== spend.id).length;
    expect(screen.getByTestId("count-error")).toHaveTextContent(`错误 ${errorsLeft}`);
    // The list follows the ignore at once: nothing is stale.
    expect(screen.queryByText("表格已修改，结果可能已过期")).toBeNull();

    await check();
    expect(screen.queryByText(spend.message)).toBeNull();
    expect(gateway.markedCells()).not.toContain(`${spend.sheet}!${spend.cell}`);
    expect(screen.getByTestId("count-error")).toHaveTextContent(`错误 ${errorsLeft}`);
  });

  test("the switch shows ignored findings, which can be restored one by one", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const spend = expectedFindings().find((f) => f.rule === "BAL-SPEND")!;
    gateway.settings.ignored = [spend.id];
    renderApp(gateway);
    await check();
    expect(screen.queryByText(spend.message)).toBeNull();

    fireEvent.click(screen.getByRole("switch", { name: "显示已忽略（1）" }));
    const card = await open(spend.message);
    expect(card).toHaveTextContent("已忽略");

    fireEvent.click(within(card).getByRole("button", { name: "恢复" }));
    await waitFor(() => expect(gateway.settings.ignored).toEqual([]));
    expect(gateway.markedCells()).toContain(`${spend.sheet}!${spend.cell}`);
  });

  test("重置忽略 brings every ignored finding back and empties the saved list", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const expected = expectedFindings();
    gateway.settings.ignored = expected.map((f) => f.id);
    renderApp(gateway);
    await check().catch(() => undefined);
    for (const f of expected) expect(screen.queryByText(f.message)).toBeNull();
    expect(gateway.markedCells()).toEqual([]);

    fireEvent.click(await screen.findByRole("button", { name: "重置忽略" }));
    for (const f of expected) expect(await screen.findByText(f.message)).toBeInTheDocument();
    expect(gateway.settings.ignored).toEqual([]);
    expect(gateway.markedCells().length).toBe(expected.length);
  });

  test("a failed save is reported in Chinese and the finding stays", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    const spend = expectedFindings().find((f) => f.rule === "BAL-SPEND")!;
    renderApp(gateway);
    await check();
    const { GatewayError } = await import("../../src/excel/gateway");
    gateway.failNext("saveSettings", new GatewayError("AccessDenied", "工作簿受保护，无法保存设置。"));
    fireEvent.click(within(await open(spend.message)).getByRole("button", { name: "忽略" }));
    expect(await screen.findByText("工作簿受保护，无法保存设置。")).toBeInTheDocument();
    expect(screen.getByText(spend.message)).toBeInTheDocument();
    expect(gateway.settings.ignored).toEqual([]);
  });
});
