/** @jest-environment jsdom */
import "../taskpane/setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { SHOWN_PER_RULE } from "../../src/core/cap-findings";
import { Finding, makeFinding } from "../../src/core/finding";
import { FindingsView } from "../../src/ui/findings";

const many: Finding[] = Array.from({ length: SHOWN_PER_RULE + 7 }, (_, i) =>
  makeFinding({ rule: "CELL-ERROR", sheet: "收支总表", cell: `B${i + 5}`, message: `错误值 ${i + 1}` }),
);

function view(currentId: string | null) {
  return (
    <FluentProvider theme={webLightTheme}>
      <FindingsView
        findings={many}
        sheets={["收支总表"]}
        ignoredIds={new Set()}
        currentId={currentId}
        onGo={() => undefined}
        onIgnore={() => undefined}
        onRestore={() => undefined}
      />
    </FluentProvider>
  );
}

describe("the findings list shows at most N of a rule on a sheet (issue 18)", () => {
  it("lists N cards, then 另有 N 处同类问题; the counts keep every finding", () => {
    const { rerender } = render(view(null));
    expect(screen.getByTestId("count-error")).toHaveTextContent(`错误 ${many.length}`);
    fireEvent.click(screen.getByRole("button", { name: /^▸/ }));
    const list = screen.getByRole("list", { name: "问题列表" });
    expect(within(list).getAllByText(/^错误值 \d+$/)).toHaveLength(SHOWN_PER_RULE);
    expect(within(list).getByText("另有 7 处同类问题")).toBeInTheDocument();
    expect(within(list).queryByText(`错误值 ${many.length}`)).toBeNull();
    // Stepped to with 下一个, a finding past the first N is shown too.
    rerender(view(many[many.length - 1].id));
    expect(within(list).getByText(`错误值 ${many.length}`)).toBeInTheDocument();
  });
});
