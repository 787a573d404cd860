import { FileOutcome } from "../../../src/cli/batch/outcome";
import { Progress } from "../../../src/cli/batch/progress";

const ok = (file: string): FileOutcome => ({
  file,
  status: "checked",
  unit: null,
  result: { sheets: [], findings: [] },
  skipped: [],
  notes: [],
});

describe("progress on stderr", () => {
  it("writes a line per file when stderr is not a terminal", () => {
    const lines: string[] = [];
    const p = new Progress(2, { write: (t) => lines.push(t) });
    p.start("a.xlsx");
    p.finished(ok("a.xlsx"));
    p.finished({ file: "b.xlsx", status: "failed", error: { kind: "corrupt", message: "工作簿已损坏：b.xlsx" } });
    p.end();
    expect(lines).toEqual(["[1/2] a.xlsx：错误 0 项，疑似 0 项，提示 0 项\n", "[2/2] 工作簿已损坏：b.xlsx\n"]);
  });

  it("redraws one bar with done / total, elapsed and the current file on a terminal", () => {
    let screen = "";
    const p = new Progress(4, { isTTY: true, columns: 60, write: (t) => (screen += t) });
    p.start("很长的文件夹名称/又一层文件夹/第一个单位的部门预算.xlsx");
    p.finished(ok("x.xlsx"));
    p.finished({ file: "b.xlsx", status: "failed", error: { kind: "corrupt", message: "工作簿已损坏：b.xlsx" } });
    const frames = screen.split("\r\x1b[2K").filter(Boolean);
    expect(frames[0]).toMatch(/^检查中 \[░{24}\] 0\/4 00:00 …/);
    expect(frames[0]).toContain("部门预算.xlsx");
    expect(frames).toContain("工作簿已损坏：b.xlsx\n".replace(/^/, "[2/4] "));
    expect(frames[frames.length - 1]).toMatch(/^检查中 \[█{12}░{12}\] 2\/4 /);
    p.end();
    expect(screen.endsWith("\r\x1b[2K")).toBe(true);
  });
});
