import { mkdirSync, symlinkSync, writeFileSync } from "fs";
import path from "path";
import { expandPaths } from "../../../src/cli/batch/walk";
import { tempDir } from "../cli-helpers";

const touch = (root: string, rel: string) => {
  const full = path.join(root, rel);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, "x");
  return full;
};

describe("expandPaths", () => {
  it("walks folders depth first in code-unit order, the same on every machine", async () => {
    const root = tempDir();
    for (const rel of ["b.xlsx", "a/z.XLSX", "a.xlsx", "A.xlsm", "a/b/c.xlsx", "文件.xlsx", "x.csv"]) touch(root, rel);
    const { tasks } = await expandPaths([root], { cwd: "/" });
    expect(tasks.map((t) => t.file)).toEqual(
      ["A.xlsm", "a/b/c.xlsx", "a/z.XLSX", "a.xlsx", "b.xlsx", "文件.xlsx"].map((p) => p.split("/").join(path.sep)),
    );
    expect(tasks[0].path).toBe(path.join(root, "A.xlsm"));
  });

  it("skips lock files, hidden files and folders, annotated copies and excluded outputs, counting them", async () => {
    const root = tempDir();
    for (const rel of ["ok.xlsx", "~$ok.xlsx", ".~lock.xlsx", ".git/x.xlsx", "ok-已标注.xlsx", "old.xls", "报告.xlsx"])
      touch(root, rel);
    const r = await expandPaths([root], { cwd: "/", exclude: [path.join(root, "报告.xlsx")] });
    expect(r.tasks.map((t) => t.file)).toEqual(["ok.xlsx"]);
    expect(r.skipped).toEqual({ lockFiles: 1, annotated: 1, oldXls: 1 });
  });

  it("keeps files named on the command line as given, in the order given, each time named", async () => {
    const root = tempDir();
    const b = touch(root, "sub/b.xlsx");
    touch(root, "sub/a.xlsx");
    const lock = touch(root, "~$c.xlsx");
    const r = await expandPaths(["~$c.xlsx", "sub/b.xlsx", "sub", "sub/b.xlsx", "missing.xlsx"], { cwd: root });
    expect(r.tasks.map((t) => [t.file, t.path, t.found])).toEqual([
      ["~$c.xlsx", lock, false],
      ["sub/b.xlsx", b, false],
      // The walk does not repeat b.xlsx, named before it.
      [path.join("sub", "a.xlsx"), path.join(root, "sub/a.xlsx"), true],
      ["sub/b.xlsx", b, false],
      ["missing.xlsx", path.join(root, "missing.xlsx"), false],
    ]);
  });

  it("names files relative to the one folder given, survives a symlink loop, and lists empty folders", async () => {
    const root = tempDir();
    touch(root, "in/deep/x.xlsx");
    symlinkSync(path.join(root, "in"), path.join(root, "in/deep/loop"));
    mkdirSync(path.join(root, "empty"));
    const one = await expandPaths([path.join(root, "in")], { cwd: "/" });
    expect(one.tasks.map((t) => t.file)).toEqual([path.join("deep", "x.xlsx")]);
    const two = await expandPaths(["in", "empty"], { cwd: root });
    expect(two.emptyFolders).toEqual(["empty"]);
    expect(two.tasks.map((t) => t.file)).toEqual([path.join("in", "deep", "x.xlsx")]);
  });
});
