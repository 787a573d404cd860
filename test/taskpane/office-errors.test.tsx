/** @jest-environment jsdom */
import "./setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { ExcelHost, OfficeHost } from "../../src/excel/host";
import { createOfficeGateway } from "../../src/excel/office-gateway";
import { App } from "../../src/taskpane/App";
import { FakeOfficeError, createFakeExcel } from "../support/fake-excel";
import { ledgerRows } from "../excel/helpers";

/**
 * The pane over the real Office gateway, with a host that fails the way Excel does: the user must
 * read one Chinese sentence, never Excel's English text or a JavaScript error.
 */
type Batch = (context: unknown) => Promise<unknown>;

function renderOver(run: (fakeRun: (batch: Batch) => Promise<unknown>, batch: Batch) => Promise<unknown>) {
  const fake = createFakeExcel([{ name: "收支总表", rows: ledgerRows(5, 49) }]);
  const fakeRun = fake.Excel.run.bind(fake.Excel) as unknown as (batch: Batch) => Promise<unknown>;
  const excel = { run: (batch: Batch) => run(fakeRun, batch) } as unknown as ExcelHost;
  const gateway = createOfficeGateway(excel, fake.Office as unknown as OfficeHost);
  return render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} />
    </FluentProvider>,
  );
}

const READ_FAILED = "读取表格时出错。请稍后重试；如果问题反复出现，请保存工作簿，关闭后重新打开再试。";

async function checkAndReadNotices(container: HTMLElement): Promise<string[]> {
  fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
  await waitFor(() => expect(screen.getAllByText(READ_FAILED).length).toBe(1));
  await waitFor(() => expect(screen.getByRole("button", { name: "检查工作簿" })).toBeEnabled());
  return [...container.querySelectorAll(".fui-MessageBarBody")].map((n) => n.textContent ?? "");
}

describe("host failures in the task pane", () => {
  let log: jest.SpyInstance;
  beforeEach(() => {
    log = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => log.mockRestore());

  test("a GeneralException from Excel.run shows one Chinese sentence, not Excel's English text", async () => {
    const { container } = renderOver(() =>
      Promise.reject(new FakeOfficeError("GeneralException", "An internal error has occurred.")),
    );
    const notices = await checkAndReadNotices(container);
    // Loading the settings on open and the check both failed; the check's message supersedes, once.
    expect(notices).toEqual([READ_FAILED]);
    expect(container.textContent).not.toMatch(/internal error|GeneralException/i);
    expect(log).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ code: "GeneralException" }));
  });

  test("a TypeError inside a batch shows the same Chinese sentence, not the JavaScript error", async () => {
    // The batch runs against a context without a workbook, as a broken host would hand it.
    const { container } = renderOver((fakeRun, batch) =>
      fakeRun((context) => batch(Object.assign(Object.create(context as object), { workbook: undefined }))),
    );
    const notices = await checkAndReadNotices(container);
    expect(notices).toEqual([READ_FAILED]);
    expect(container.textContent).not.toMatch(/Cannot read|TypeError|undefined/);
    expect(log).toHaveBeenCalledWith(expect.any(String), expect.any(TypeError));
  });
});
