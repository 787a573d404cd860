/** @jest-environment jsdom */
import "../taskpane/setup";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { DialogView } from "../../src/commands/DialogView";
import { mountDialog, summaryFrom } from "../../src/commands/dialog";
import { CheckSummary, dialogUrl } from "../../src/commands/summary";

function show(summary: CheckSummary) {
  const onShowPane = jest.fn();
  const onClose = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <DialogView summary={summary} onShowPane={onShowPane} onClose={onClose} />
    </FluentProvider>,
  );
  return { onShowPane, onClose };
}

describe("result dialog", () => {
  it("names the sheet, shows the counts and each problem as text, never as markup", () => {
    const url = new URL(
      dialogUrl("https://localhost:3000/dialog.html", {
        headline: "检查完成：错误 2 项，疑似 1 项，提示 3 项",
        problems: ["<b>工作表“甲”受保护</b>"],
        sheet: "收支总表",
        counts: { error: 2, warning: 1, info: 3 },
      }),
    );
    show(summaryFrom(url.search));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("检查本表：「收支总表」");
    expect(screen.getByText("检查完成：错误 2 项，疑似 1 项，提示 3 项")).toBeInTheDocument();
    const counts = screen.getByRole("list", { name: "按严重程度计数" });
    expect(counts).toHaveTextContent("错误2 项疑似1 项提示3 项");
    expect(screen.getByText("<b>工作表“甲”受保护</b>")).toBeInTheDocument();
    expect(document.querySelector("b")).toBeNull();
  });

  it("offers 在任务窗格中查看: opens the pane where the host can, else says how", () => {
    const able = show({ headline: "检查完成：未发现问题", problems: [], canOpenPane: true });
    fireEvent.click(screen.getByRole("button", { name: "在任务窗格中查看" }));
    expect(able.onShowPane).toHaveBeenCalledTimes(1);
    document.body.innerHTML = "";

    const unable = show({ headline: "检查完成：未发现问题", problems: [] });
    fireEvent.click(screen.getByRole("button", { name: "在任务窗格中查看" }));
    expect(unable.onShowPane).not.toHaveBeenCalled();
    expect(screen.getByRole("status")).toHaveTextContent("点击「检查工作簿」");
    fireEvent.click(screen.getByRole("button", { name: "关闭" }));
    expect(unable.onClose).toHaveBeenCalledTimes(1);
  });

  it("says so when it was opened without a result, in the dark theme when Office is dark", async () => {
    const container = document.createElement("div");
    document.body.appendChild(container);
    act(() => mountDialog(container, "", { bodyBackgroundColor: "#1f1f1f" } as Office.OfficeTheme));
    await waitFor(() => expect(container.textContent).toContain("没有收到检查结果"));
    const provider = container.querySelector(".fui-FluentProvider") as HTMLElement;
    const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).join("\n");
    const own = provider.className.split(" ").find((c) => /^fui-FluentProviderr/.test(c))!;
    expect(rules).toMatch(
      new RegExp(`\\.${own}\\s*\\{[^}]*--colorNeutralBackground1:\\s*${webDarkTheme.colorNeutralBackground1}`),
    );
  });
});
