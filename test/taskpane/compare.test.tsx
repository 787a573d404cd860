/** @jest-environment jsdom */
import "./setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "fs";
import path from "path";
import { readWorkbookBytes } from "../../src/xlsx/read";
import { FakeGateway } from "./fake-gateway";
import { renderApp } from "./render-app";

const SEED = path.resolve(__dirname, "../fixtures/seed001-budget.xlsx");

/**
 * jsdom's typed arrays come from another realm than Node's TextDecoder, which then refuses them
 * as invalid UTF-8; a browser has one realm. The decoder gets the same bytes as a Node Buffer.
 */
beforeAll(() => {
  const { TextDecoder: NodeDecoder } = jest.requireActual<typeof import("util")>("util");
  class RealmDecoder extends NodeDecoder {
    override decode(input?: ArrayBufferView | ArrayBuffer | null, options?: { stream?: boolean }): string {
      if (input === undefined || input === null) return super.decode(undefined, options);
      const view = ArrayBuffer.isView(input) ? input : new Uint8Array(input);
      return super.decode(Buffer.from(view.buffer, view.byteOffset, view.byteLength), options);
    }
  }
  Object.defineProperty(globalThis, "TextDecoder", { configurable: true, writable: true, value: RealmDecoder });
});

/** The finding cards' texts; none when the list is not shown (a clean workbook). */
const rulesListed = () => {
  const list = screen.queryByRole("list", { name: "问题列表" });
  return list ? cardTexts(list) : [];
};
const cardTexts = (list: HTMLElement) =>
  within(list)
    .queryAllByRole("listitem")
    .filter((li) => li.hasAttribute("data-finding-id"))
    .map((li) => li.textContent ?? "");

describe("task pane 与上年对比", () => {
  test("reads last year's file from its bytes (not opened in Excel), marks and lists its findings, and 取消对比 drops them", async () => {
    const bytes = Uint8Array.from(readFileSync(SEED));
    const gateway = new FakeGateway((await readWorkbookBytes(bytes, "本年.xlsx")).snapshots);
    renderApp(gateway);
    fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
    await screen.findByRole("button", { name: "与上年对比…" });
    expect(rulesListed().some((t) => t.includes("YOY-"))).toBe(false);

    // The same package chosen as last year's: one YOY-SAME-FILE warning, marked in the workbook.
    fireEvent.change(screen.getByLabelText("选择上年的 Excel 文件"), {
      target: { files: [new File([bytes], "上年.xlsx")] },
    });
    await screen.findByText(/^已与上年文件「上年\.xlsx」对比 \d+ 张表/);
    await waitFor(() => expect(rulesListed().filter((t) => t.includes("可能把上年的文件又报送了一次"))).toHaveLength(1));
    expect([...gateway.marks.values()].flat().some((f) => f.rule === "YOY-SAME-FILE")).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "取消对比" }));
    await screen.findByRole("button", { name: "与上年对比…" });
    await waitFor(() => expect(rulesListed().some((t) => t.includes("可能把上年的文件又报送了一次"))).toBe(false));
  });

  test("a last year's file the reader refuses gets its message, and the workbook's own check stays", async () => {
    const gateway = new FakeGateway((await readWorkbookBytes(Uint8Array.from(readFileSync(SEED)), "本年.xlsx")).snapshots);
    renderApp(gateway);
    fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
    await screen.findByRole("button", { name: "与上年对比…" });
    fireEvent.change(screen.getByLabelText("选择上年的 Excel 文件"), {
      target: { files: [new File([Uint8Array.from(Buffer.from("不是工作簿"))], "上年.txt")] },
    });
    await screen.findByText(/^上年文件：.*上年\.txt/);
    expect(screen.queryByText(/已与上年文件/)).not.toBeInTheDocument();
  });
});
