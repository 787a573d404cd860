/** @jest-environment jsdom */
import { act, renderHook } from "@testing-library/react";
import { makeFinding } from "../../src/core/finding";
import { STILL_BUSY, useBusy } from "../../src/ui/hooks/busy";
import { useIgnored } from "../../src/ui/hooks/ignored";
import { SUCCESS_MS, useNotices } from "../../src/ui/hooks/notices";

/** The pane and the page share these hooks, so both behave as tested here. */
describe("notices", () => {
  afterEach(() => jest.useRealTimers());

  test("the same sentence shows once, where it came last; clear empties the list", () => {
    const { result } = renderHook(() => useNotices());
    act(() => {
      result.current.notify("warning", "「表1」：未能识别");
      result.current.notify("info", "其他");
      result.current.notify("warning", "「表1」：未能识别");
    });
    expect(result.current.notices.map((n) => n.text)).toEqual(["其他", "「表1」：未能识别"]);
    act(() => result.current.clear());
    expect(result.current.notices).toEqual([]);
  });

  test("a success replaces earlier successes and goes by itself; a failure stays until dismissed", () => {
    jest.useFakeTimers();
    const { result } = renderHook(() => useNotices());
    act(() => {
      result.current.notify("success", "已下载模板「甲.xlsx」。");
      result.current.notify("error", "无法读取文件");
      result.current.notify("success", "已下载模板「乙.xlsx」。");
    });
    expect(result.current.notices.map((n) => n.text)).toEqual(["无法读取文件", "已下载模板「乙.xlsx」。"]);
    act(() => void jest.advanceTimersByTime(SUCCESS_MS + 10));
    expect(result.current.notices.map((n) => n.text)).toEqual(["无法读取文件"]);
    act(() => result.current.dismiss(result.current.notices[0].id));
    expect(result.current.notices).toEqual([]);
  });
});

describe("busy", () => {
  const setup = () => {
    const said: [string, string][] = [];
    const notify = (intent: string, text: string) => void said.push([intent, text]);
    const describe = (error: unknown, action: string) => `${action}失败：${(error as Error).message}`;
    return { said, ...renderHook(() => useBusy(notify, describe)) };
  };

  test("a second action while one runs is refused and says so; the first one's progress goes with it", async () => {
    const { result, said } = setup();
    let finish!: () => void;
    let first!: Promise<void>;
    const second = jest.fn(async () => undefined);
    act(() => {
      first = result.current.exclusive("检查", () => new Promise<void>((resolve) => (finish = resolve)));
    });
    act(() => result.current.onProgress("read", 1, 3));
    expect(result.current.busy).toBe(true);
    expect(result.current.progress).toEqual({ stage: "read", done: 1, total: 3 });
    await act(() => result.current.exclusive("清除标记", second));
    expect(second).not.toHaveBeenCalled();
    expect(said).toEqual([["info", STILL_BUSY]]);
    expect(STILL_BUSY).toMatch(/^上一项操作尚未完成/);
    await act(async () => {
      finish();
      await first;
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.progress).toBeNull();
    await act(() => result.current.exclusive("清除标记", second));
    expect(second).toHaveBeenCalledTimes(1);
  });

  test("a failure is said in the host's words, and the next action may run", async () => {
    const { result, said } = setup();
    await act(() =>
      result.current.exclusive("导出结果", async () => {
        throw new Error("denied");
      }),
    );
    expect(said).toEqual([["error", "导出结果失败：denied"]]);
    expect(result.current.busy).toBe(false);
  });
});

describe("ignored findings", () => {
  const a = makeFinding({ rule: "SUM-ROW", sheet: "表", cell: "B4", message: "a" });
  const b = makeFinding({ rule: "CELL-ERROR", sheet: "表", cell: "B5", message: "b" });

  test("忽略 adds an id once, 恢复 removes it, 重置忽略 empties the list; the rest stay active", () => {
    const saved: string[][] = [];
    const { result, rerender } = renderHook(({ ids }) => useIgnored([a, b], ids, (next) => saved.push(next)), {
      initialProps: { ids: [a.id] as string[] },
    });
    expect(result.current.active).toEqual([b]);
    expect(result.current.ignoredCount).toBe(1);
    expect(result.current.ignoredIds.has(a.id)).toBe(true);
    result.current.ignore(a);
    result.current.ignore(b);
    result.current.restore(a);
    result.current.resetIgnored();
    expect(saved).toEqual([[a.id], [a.id, b.id], [], []]);
    rerender({ ids: [] });
    expect(result.current.active).toEqual([a, b]);
  });
});
