import { checkActiveSheet } from "../../src/commands/commands";
import { parseSummary } from "../../src/commands/summary";
import { WorkbookGateway } from "../../src/excel/gateway";
import { ExcelHost, OfficeHost } from "../../src/excel/host";
import { createOfficeGateway } from "../../src/excel/office-gateway";
import { FakeOfficeError } from "../support/fake-excel";
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

  it("shows a gateway problem in Chinese and still completes when the sheet is protected with a password", async () => {
    const { fake, gateway } = setup([{ name: "收支总表", rows: ledgerRows(5, 49), protected: true, password: "pw" }]);
    const summary = await runCommand(fake, gateway);
    expect(summary.headline).toContain("错误 1 项");
    expect(summary.problems).toEqual(["工作表“收支总表”受保护，无法添加标记。请撤销工作表保护后重试；检查结果不受影响。"]);
  });

  it("reports a failed read as 检查未完成 with the reason", async () => {
    const { fake, gateway } = setup([{ name: "收支总表", rows: ledgerRows(5) }]);
    fake.setEditMode(true);
    const summary = await runCommand(fake, gateway);
    expect(summary.headline).toBe("检查未完成");
    expect(summary.problems[0]).toContain("正在编辑单元格");
  });

  describe("failures the host or the code did not foresee", () => {
    type Batch = (context: unknown) => Promise<unknown>;
    let log: jest.SpyInstance;
    beforeEach(() => {
      log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    });
    afterEach(() => log.mockRestore());

    /** The command over the real Office gateway, on an Excel whose run() is replaced by `run`. */
    async function commandOver(run: (fakeRun: (batch: Batch) => Promise<unknown>, batch: Batch) => Promise<unknown>) {
      const { fake } = setup([{ name: "收支总表", rows: ledgerRows(5, 49) }]);
      const fakeRun = fake.Excel.run.bind(fake.Excel) as unknown as (batch: Batch) => Promise<unknown>;
      const excel = { run: (batch: Batch) => run(fakeRun, batch) } as unknown as ExcelHost;
      return runCommand(fake, createOfficeGateway(excel, fake.Office as unknown as OfficeHost));
    }
    const READ_FAILED = "读取表格时出错。请稍后重试；如果问题反复出现，请保存工作簿，关闭后重新打开再试。";

    it("shows a GeneralException from Excel.run as one Chinese sentence, without Excel's English text", async () => {
      const summary = await commandOver(() =>
        Promise.reject(new FakeOfficeError("GeneralException", "An internal error has occurred.")),
      );
      expect(summary).toEqual({ headline: "检查未完成", problems: [READ_FAILED] });
      expect(log).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ code: "GeneralException" }));
    });

    it("shows a TypeError inside a batch the same way", async () => {
      const summary = await commandOver((fakeRun, batch) =>
        fakeRun((context) => batch(Object.assign(Object.create(context as object), { workbook: undefined }))),
      );
      expect(summary).toEqual({ headline: "检查未完成", problems: [READ_FAILED] });
      expect(log).toHaveBeenCalledWith(expect.any(String), expect.any(TypeError));
    });

    it("never puts the text of an error outside the gateway into the dialog", async () => {
      const { fake, gateway } = setup([{ name: "收支总表", rows: ledgerRows(5) }]);
      gateway.check = async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'values')");
      };
      const summary = await runCommand(fake, gateway);
      expect(summary).toEqual({
        headline: "检查未完成",
        problems: ["检查时出错。请稍后重试；如果问题反复出现，请保存工作簿，关闭后重新打开再试。"],
      });
      expect(log).toHaveBeenCalledWith(expect.any(String), expect.any(TypeError));
    });
  });

  it("never tries to open the task pane from the command, even where the host has SharedRuntime 1.1", async () => {
    const { fake, gateway } = setup([{ name: "收支总表", rows: ledgerRows(5) }]);
    const office = fake.Office as any;
    const showAsTaskpane = jest.fn(async () => undefined);
    const isSetSupported = office.context.requirements.isSetSupported;
    office.context.requirements.isSetSupported = (name: string, version?: string) =>
      name === "SharedRuntime" || isSetSupported(name, version);
    office.addin = { showAsTaskpane };
    const completed = jest.fn();
    const done = checkActiveSheet({ completed }, gateway, office, BASE);
    for (let i = 0; i < 50 && fake.dialogs.length === 0; i++) await new Promise((r) => setTimeout(r, 0));
    // What the dialog page sends when the user clicks 在任务窗格中查看 and then 关闭.
    fake.dialogs[0].fire("dialogMessageReceived", { message: "showPane" });
    await done;
    expect(showAsTaskpane).not.toHaveBeenCalled();
    expect(fake.dialogs[0].closed).toBe(true);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("registers checkActiveSheet with Office.actions.associate once Office is ready", () => {
    const { fake } = setup([{ name: "S" }]);
    const g = globalThis as { Office?: unknown };
    g.Office = fake.Office;
    try {
      // The module registers its action when loaded: load it afresh, with the fake Office in place.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      jest.isolateModules(() => require("../../src/commands/commands"));
      expect([...fake.actions.keys()]).toEqual(["checkActiveSheet"]);
    } finally {
      delete g.Office;
    }
  });
});
