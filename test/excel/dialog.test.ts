/** @jest-environment jsdom */
import { renderSummary } from "../../src/commands/dialog";
import { dialogUrl } from "../../src/commands/summary";

function page(): Document {
  document.body.innerHTML = `<h1 id="summary"></h1><ul id="problems"></ul>`;
  return document;
}

describe("result dialog", () => {
  it("shows the headline and each problem as text, never as markup", () => {
    const url = new URL(dialogUrl("https://localhost:3000/dialog.html", { headline: "检查完成：错误 2 项，疑似 1 项，提示 3 项", problems: ["<b>工作表“甲”受保护</b>"] }));
    const doc = page();
    renderSummary(doc, url.search);
    expect(doc.getElementById("summary")!.textContent).toBe("检查完成：错误 2 项，疑似 1 项，提示 3 项");
    const items = [...doc.querySelectorAll("#problems li")];
    expect(items.map((li) => li.textContent)).toEqual(["<b>工作表“甲”受保护</b>"]);
    expect(doc.querySelector("#problems b")).toBeNull();
  });

  it("says so when it was opened without a result", () => {
    const doc = page();
    renderSummary(doc, "");
    expect(doc.getElementById("summary")!.textContent).toContain("没有收到检查结果");
  });
});
