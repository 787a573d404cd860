/** @jest-environment jsdom */
import "./setup";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { GatewayError } from "../../src/excel/gateway";
import { TEMPLATE_CATALOG } from "../../src/templates/catalog";
import { FakeGateway } from "./fake-gateway";
import { fixtureSheets, renderApp } from "./render-app";

describe("templates view", () => {
  test("?view=templates opens it with every catalogue entry and its description", async () => {
    renderApp(new FakeGateway(fixtureSheets()), { view: "templates", checkWorkbook: false });
    expect(await screen.findByRole("tab", { name: "插入模板", selected: true })).toBeInTheDocument();
    for (const t of TEMPLATE_CATALOG) {
      expect(screen.getByRole("heading", { name: t.title })).toBeInTheDocument();
      expect(screen.getByText(t.description)).toBeInTheDocument();
    }
  });

  test("inserting a template calls the gateway and names the new sheet", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    renderApp(gateway);
    fireEvent.click(screen.getByRole("tab", { name: "插入模板" }));
    const summary = TEMPLATE_CATALOG.find((t) => t.kind === "收支总表")!;
    fireEvent.click(screen.getByRole("button", { name: `插入${summary.title}` }));
    // The fixture already has a 收支总表, so the fake picks a free name.
    expect(await screen.findByText("已插入工作表「收支总表(2)」。")).toBeInTheDocument();
    expect(gateway.inserted).toEqual(["收支总表"]);
  });

  test("添加项目块 appends a block to the active sheet", async () => {
    const gateway = new FakeGateway(fixtureSheets(), "说明");
    renderApp(gateway, { view: "templates", checkWorkbook: false });
    fireEvent.click(screen.getByRole("button", { name: "添加项目块" }));
    expect(await screen.findByText("已在「说明」末尾添加一个项目块。")).toBeInTheDocument();
    expect(gateway.appended).toBe(1);
  });

  test("a refused insert shows the gateway's message", async () => {
    const gateway = new FakeGateway(fixtureSheets());
    gateway.failNext(
      "insertTemplate",
      new GatewayError("RequirementSetMissing", "此版本的 Excel 不支持插入模板，请升级到 Microsoft 365。"),
    );
    renderApp(gateway, { view: "templates", checkWorkbook: false });
    fireEvent.click(screen.getByRole("button", { name: `插入${TEMPLATE_CATALOG[1].title}` }));
    expect(await screen.findByText("此版本的 Excel 不支持插入模板，请升级到 Microsoft 365。")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: `插入${TEMPLATE_CATALOG[1].title}` })).toBeEnabled());
  });
});
