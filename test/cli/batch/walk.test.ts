import { execFileSync } from "child_process";
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

  it("skips lock files and hidden files and folders, counting them, names annotated copies, and checks .xls files", async () => {
    const root = tempDir();
    for (const rel of [
      "ok.xlsx",
      "~$ok.xlsx",
      "~$old.xls",
      ".~lock.xlsx",
      ".git/x.xlsx",
      "ok-已标注.xlsx",
      "old.xls",
      "报告.xlsx",
    ])
      touch(root, rel);
    const r = await expandPaths([root], { cwd: "/" });
    // A report of an earlier run is a workbook like any other; only this run's own is set aside (run-batch.ts).
    expect(r.tasks.map((t) => t.file)).toEqual(["ok.xlsx", "old.xls", "报告.xlsx"]);
    expect(r.lockFiles).toBe(2);
    expect(r.skipped).toEqual([{ file: "ok-已标注.xlsx", reason: "annotated-copy", path: path.join(root, "ok-已标注.xlsx") }]);
  });

  it("names what is not a regular file and never opens it: a pipe, a link to a device, a dangling link", async () => {
    const root = tempDir();
    const real = touch(root, "real.xlsx");
    execFileSync("mkfifo", [path.join(root, "pipe.xlsx")]);
    symlinkSync("/dev/zero", path.join(root, "zero.xlsx"));
    symlinkSync(path.join(root, "gone.xlsx"), path.join(root, "dangling.xlsx"));
    symlinkSync(real, path.join(root, "link.xlsx"));
    const r = await expandPaths([root], { cwd: "/" });
    expect(r.tasks.map((t) => t.file)).toEqual(["link.xlsx"]);
    expect(r.skipped).toEqual(
      ["dangling.xlsx", "pipe.xlsx", "zero.xlsx"].map((file) => ({ file, reason: "not-regular", path: path.join(root, file) })),
    );
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
