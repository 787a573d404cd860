import { checkActiveSheet } from "../../src/commands/commands";
import { parseSummary } from "../../src/commands/summary";
import { WorkbookGateway } from "../../src/excel/gateway";
import { ledgerRows, setup } from "./helpers";

const BASE = "https://localhost:3000/dialog.html";

async function runCommand(fake: ReturnType<typeof setup>["fake"], gateway: WorkbookGateway) {
  const completed = jest.fn();
  const done = checkActiveSheet({ completed }, gateway, fake.Office as unknown as typeof Office, BASE);
  // The command waits for the dialog to be closed before completing.
  for (let i = 0; i < 50 && fake.dialogs.length === 0; i++) await new Promise((r) => setTimeout(r, 0));
  expect(completed).not.toHaveBeenCalled();
  fake.dialogs[0].fire("dialogMessageReceived");
  await done;
  expect(completed).toHaveBeenCalledTimes(1);
  return parseSummary(new URL(fake.dialogs[0].url).search)!;
}

describe("ribbon command 检查本表", () => {
  it("checks the active sheet, marks it and shows the counts by severity in a dialog", async () => {
    const { fake, gateway } = setup([{ name: "收支总表", rows: [...ledgerRows(5, 49), ["坏", "#REF!"]] }]);
    const summary = await runCommand(fake, gateway);
    expect(summary.headline).toMatch(/^检查完成：错误 2 项，疑似 \d+ 项，提示 \d+ 项$/);
    expect(fake.dialogs[0].closed).toBe(true);
    expect(fake.snapshot().sheets[0].conditionalFormats.length).toBeGreaterThan(0);
  });

  it("shows a gateway problem in Chinese and still completes when the sheet is protected", async () => {
    const { fake, gateway } = setup([{ name: "收支总表", rows: ledgerRows(5, 49), protected: true }]);
    const summary = await runCommand(fake, gateway);
    expect(summary.headline).toContain("错误 1 项");
    expect(summary.problems).toEqual(["工作表“收支总表”受保护，无法添加标记。请撤销工作表保护后重试；检查结果仍在列表中。"]);
  });

  it("reports a failed read as 检查未完成 with the reason", async () => {
    const { fake, gateway } = setup([{ name: "收支总表", rows: ledgerRows(5) }]);
    fake.setEditMode(true);
    const summary = await runCommand(fake, gateway);
    expect(summary.headline).toBe("检查未完成");
    expect(summary.problems[0]).toContain("正在编辑单元格");
  });

  it("registers checkActiveSheet with Office.actions.associate once Office is ready", () => {
    const { fake } = setup([{ name: "S" }]);
    const g = globalThis as { Office?: unknown };
    g.Office = fake.Office;
    try {
      jest.isolateModules(() => require("../../src/commands/commands"));
      expect([...fake.actions.keys()]).toEqual(["checkActiveSheet"]);
    } finally {
      delete g.Office;
    }
  });
});
