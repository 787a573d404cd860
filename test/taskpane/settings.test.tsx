/** @jest-environment jsdom */
import "./setup";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { FakeGateway } from "./fake-gateway";
import { fixtureSheets, renderApp } from "./render-app";

function openSettings(): HTMLInputElement {
  fireEvent.click(screen.getByRole("tab", { name: "设置" }));
  return screen.getByRole("textbox", { name: /容差/ }) as HTMLInputElement;
}

describe("settings", () => {
  test("shows the tolerance kept in the workbook", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    gateway.settings.tolerance = "0.5";
    renderApp(gateway);
    const input = openSettings();
    await waitFor(() => expect(input.value).toBe("0.5"));
  });

  test.each(["-1", "abc", "1,5", "0.0.1", ""])("rejects %p with a Chinese message and saves nothing", async (text) => {
    const gateway = new FakeGateway(fixtureSheets());
    renderApp(gateway);
    const input = openSettings();
    fireEvent.change(input, { target: { value: text } });
    fireEvent.click(screen.getByRole("button", { name: "保存" }));
    expect(
      await screen.findByText(/容差/, { selector: "[id$=__validationMessage] *, [id$=__validationMessage]" }),
    ).toBeInTheDocument();
    expect(screen.getByText(text === "" ? "请填写容差，例如 0.01。" : "容差必须是非负数字，例如 0.01。")).toBeInTheDocument();
    expect(gateway.savedSettings).toEqual([]);
  });

  test("a valid tolerance is saved per workbook and used by the next check", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    gateway.settings.ignored = ["x"];
    renderApp(gateway);
    const input = openSettings();
    fireEvent.change(input, { target: { value: " 0.5 " } });
    fireEvent.click(screen.getByRole("button", { name: "保存" }));
    expect(await screen.findByText("容差已设为 0.5，下次检查时生效。")).toBeInTheDocument();
    expect(gateway.settings).toEqual({ tolerance: "0.5", ignored: ["x"] });
  });
});
