/** @jest-environment jsdom */
import "../taskpane/setup";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { DialogView } from "../../src/commands/DialogView";
import { mountDialog, summaryFrom } from "../../src/commands/dialog";
import { CheckSummary, dialogUrl } from "../../src/commands/summary";

function show(summary: CheckSummary) {
  const onClose = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <DialogView summary={summary} onClose={onClose} />
    </FluentProvider>,
  );
  return { onClose };
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

  it("offers 在任务窗格中查看 and says which button opens the pane, since a command cannot open it", () => {
    const { onClose } = show({ headline: "检查完成：未发现问题", problems: [] });
    expect(screen.queryByRole("status")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "在任务窗格中查看" }));
    expect(screen.getByRole("status")).toHaveTextContent("请在「开始」选项卡的「预算表检查」组中点击「检查工作簿」");
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "关闭" }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("drops an old summary's canOpenPane claim: the query string cannot make the dialog promise the pane", () => {
    const url = new URL(
      `https://localhost:3000/dialog.html?s=${encodeURIComponent(JSON.stringify({ headline: "检查完成", problems: [], canOpenPane: true }))}`,
    );
    expect(summaryFrom(url.search)).toEqual({ headline: "检查完成", problems: [] });
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
