/** @jest-environment jsdom */
import "../taskpane/setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import { ReactNode } from "react";
import { RuleId, ruleById } from "../../src/core/catalogue";
import { Finding, makeFinding } from "../../src/core/finding";
import { FindingsView } from "../../src/ui/findings";
import { ITEM_CULPRIT_HELP } from "../../src/ui/findings/RuleHelp";

const total = makeFinding({
  rule: "CODE-TREE",
  sheet: "表3",
  cell: "E10",
  related: ["E11", "E12"],
  message: "科目 21301 农业农村（合计） 300.00 与其下级科目之和 310.00 不一致",
  expected: "310",
  actual: "300",
});
// An item blamed for its sum (report-book's culprit at an item): the flagged cell adds nothing.
const item = makeFinding({
  rule: "CODE-TREE",
  sheet: "表3",
  cell: "E12",
  related: ["E10"],
  items: [],
  message: "2130104 事业运行（合计） 70.00 有误：「科目 21301 农业农村（合计）」与其下级科目之和不符，而能使它成立的只有这个数",
  expected: "60",
  actual: "70",
});

function open(finding: Finding, actions: (f: Finding) => ReactNode, fixRules: ReadonlySet<RuleId> = new Set(["CODE-TREE"])) {
  render(
    <FluentProvider theme={webLightTheme}>
      <FindingsView
        findings={[finding]}
        sheets={["表3"]}
        ignoredIds={new Set()}
        currentId={finding.id}
        onGo={() => undefined}
        onIgnore={() => undefined}
        onRestore={() => undefined}
        fixRules={fixRules}
        renderActions={actions}
      />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole("button", { name: "怎么改" }));
  return screen.getByRole("region", { name: /^怎么改：/ });
}

describe("怎么改 fits the finding's culprit (issue 19)", () => {
  const rule = ruleById("CODE-TREE");

  it("on a total whose fix is on offer: the rule's help, its one-click fix and its example", () => {
    const help = open(total, () => <button>改为求和公式</button>);
    expect(help).toHaveTextContent(rule.help);
    expect(help).toHaveTextContent(`一键修复：${rule.fix}`);
    expect(help).toHaveTextContent(/^.*例：工作表/);
  });

  it("on a total whose fix this host refused: the help, never a fix it does not offer", () => {
    const help = open(total, () => null);
    expect(help).toHaveTextContent(rule.help);
    expect(help).not.toHaveTextContent("一键修复");
  });

  it("on an item blamed for its sum: correct the item, no fix, no example about a wrong total", () => {
    const help = open(item, () => null);
    expect(help).toHaveTextContent(ITEM_CULPRIT_HELP);
    expect(help).not.toHaveTextContent("一键修复");
    expect(help).not.toHaveTextContent(rule.help);
    expect(help).not.toHaveTextContent("例：");
  });
});
