import { spawnSync } from "child_process";
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { copyFileSync, existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "fs";
import path from "path";
import { isAnnotatedCopy } from "../../src/xlsx";
import { runCli, tempDir, writeSummaryWorkbook } from "./cli-helpers";
import { withExcelOnlyParts, exceljsRichWorkbook } from "../xlsx/support/rich-workbook";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin/budget-check.js");
const dir = tempDir();
const clean = path.join(dir, "clean.xlsx");
const broken = path.join(dir, "broken.xlsx");
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const oneChineseLine = (err: string) => {
  const lines = err.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(err).not.toMatch(/\bat .*:\d+|Error:|EEXIST|ENOTDIR|EPIPE/);
};

beforeAll(async () => {
  await writeSummaryWorkbook(clean);
  await writeSummaryWorkbook(broken, 24488.41);
});

describe("paths and pipes", () => {
  it("resolves relative paths against INIT_CWD: `cd samples && npm run check -- 示例预算表.xlsx` works", () => {
    const r = spawnSync("npm", ["run", "--silent", "check", "--", "示例预算表.xlsx", "--json"], {
      cwd: path.join(root, "samples"),
      encoding: "utf8",
    });
    expect(r.stderr).not.toContain("找不到");
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).files[0].file).toBe("示例预算表.xlsx");
  });

  it("writes --annotate relative to INIT_CWD too", () => {
    const r = spawnSync(process.execPath, [bin, "broken.xlsx", "--annotate", "out/rel.xlsx"], {
      cwd: root,
      env: { ...process.env, INIT_CWD: dir },
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(existsSync(path.join(dir, "out/rel.xlsx"))).toBe(true);
  });

  it("ends quietly when stdout is closed (`| head -1`)", () => {
    const many = Array.from({ length: 60 }, () => "samples/示例预算表.xlsx");
    // Far more than a pipe's 64 KB buffer, so the writer meets the closed pipe; bash reports node's own status.
    const r = spawnSync(
      "bash",
      ["-c", `node "${bin}" ${many.map((m) => `"${m}"`).join(" ")} | head -1; echo "node exited \${PIPESTATUS[0]}" >&2`],
      { cwd: root, encoding: "utf8" },
    );
    expect(r.stdout).toBe("文件：samples/示例预算表.xlsx\n");
    expect(r.stderr).toBe("node exited 1\n");
  });
});

describe("every failure is exit 2 with one Chinese line", () => {
  it("--annotate under a path that is a file (existing.xlsx/out.xlsx)", async () => {
    const r = await runCli([broken, "--annotate", path.join(clean, "out.xlsx")]);
    expect(r.code).toBe(2);
    oneChineseLine(r.err);
    expect(r.err).toContain("不是文件夹");
  });

  it("a file that is too large is refused before it is read", async () => {
    const huge = path.join(dir, "huge.xlsx");
    writeFileSync(huge, "");
    truncateSync(huge, 201 * 1024 * 1024);
    const r = await runCli([huge, "--json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).files[0].error.kind).toBe("too-large");
  });

  it("an input the patcher cannot handle: no file is written, an earlier copy stays as it was", async () => {
    const zip = await JSZip.loadAsync(readFileSync(broken));
    // A sheet's relationships part with a reference to a character XML cannot hold: the reader does
    // not need it, the patcher would have to rewrite it.
    const sheets = zip.file(/^xl\/worksheets\/sheet\d+\.xml$/).map((f) => f.name);
    for (const sheet of sheets)
      zip.file(
        sheet.replace("worksheets/", "worksheets/_rels/") + ".rels",
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="urn:x&#x110000;" Target="x.xml"/></Relationships>`,
      );
    const odd = path.join(dir, "bad-rels.xlsx");
    writeFileSync(odd, await zip.generateAsync({ type: "nodebuffer" }));
    const out = path.join(dir, "bad-rels-copy.xlsx");
    expect((await runCli([broken, "--annotate", out])).code).toBe(1);
    const before = sha(out);
    const r = await runCli([odd, "--annotate", out]);
    expect(r.code).toBe(2);
    oneChineseLine(r.err);
    expect(sha(out)).toBe(before);
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("the installed binary prints one Chinese line and no stack trace for bad usage and a missing file", () => {
    for (const args of [["--bogus"], [path.join(dir, "nope.xlsx")], [broken, "--annotate", path.join(clean, "x.xlsx")]]) {
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
      expect(r.status).toBe(2);
      oneChineseLine(r.stderr);
    }
  });
});

describe("--annotate never replaces a file it did not write", () => {
  it("refuses an existing workbook, replaces an earlier copy, and --force replaces anything but the input", async () => {
    const user = path.join(dir, "user.xlsx");
    copyFileSync(clean, user);
    const before = sha(user);
    const refused = await runCli([broken, "--annotate", user]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("不是本工具写出的标注副本");
    expect(sha(user)).toBe(before);

    const copy = path.join(dir, "copy.xlsx");
    expect((await runCli([broken, "--annotate", copy])).code).toBe(1);
    expect(await isAnnotatedCopy(readFileSync(copy))).toBe(true);
    // Renamed, it is still recognised by what the tool wrote into it.
    const renamed = path.join(dir, "renamed.xlsx");
    copyFileSync(copy, renamed);
    expect((await runCli([clean, "--annotate", renamed])).code).toBe(0);

    expect((await runCli([broken, "--annotate", user, "--force"])).code).toBe(1);
    expect(await isAnnotatedCopy(readFileSync(user))).toBe(true);
    expect((await runCli([broken, "--annotate", broken, "--force"])).code).toBe(2);
  });

  it("keeps an .xlsm's macros and asks for the .xlsm extension", async () => {
    const xlsm = path.join(dir, "macros.xlsm");
    writeFileSync(xlsm, await withExcelOnlyParts(await exceljsRichWorkbook(), { macros: true }));
    const wrong = await runCli([xlsm, "--annotate", path.join(dir, "macros-copy.xlsx"), "--json"]);
    expect(wrong.code).toBe(2);
    // The check itself went through: its JSON is still printed.
    expect(JSON.parse(wrong.out).files[0].findings.length).toBeGreaterThan(0);
    oneChineseLine(wrong.err);
    expect(existsSync(path.join(dir, "macros-copy.xlsx"))).toBe(false);
    const ok = await runCli([xlsm, "--annotate", path.join(dir, "macros-copy.xlsm")]);
    expect(ok.code).toBe(1);
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, "macros-copy.xlsm")));
    expect(zip.file("xl/vbaProject.bin")).not.toBeNull();
  });
});

describe("several files", () => {
  const missing = () => path.join(dir, "missing.xlsx");

  it("text: a section per file, failed ones too, and checked and failed counted apart; exit 2", async () => {
    const r = await runCli([broken, missing(), clean]);
    expect(r.code).toBe(2);
    const sections = r.out.split(/^文件：/m).slice(1);
    expect(sections.map((s) => s.split("\n")[0])).toEqual([broken, missing(), clean]);
    expect(sections[1]).toContain("未能检查：找不到文件");
    expect(r.out).toMatch(/总计：检查了 2 个文件，1 个未能检查；错误 1 项/);
    oneChineseLine(r.err);
  });

  it("--json lists every file in input order, a failed one in the fixed shape", async () => {
    const notXlsx = path.join(dir, "text.xlsx");
    writeFileSync(notXlsx, "不是工作簿");
    const r = await runCli([missing(), broken, notXlsx, "--json"]);
    expect(r.code).toBe(2);
    const files = JSON.parse(r.out).files;
    expect(files.map((f: { file: string }) => f.file)).toEqual([missing(), broken, notXlsx]);
    expect(files[0]).toEqual({
      file: missing(),
      error: { kind: "missing", message: `找不到文件：${missing()}` },
      sheets: [],
      findings: [],
    });
    expect(Object.keys(files[2])).toEqual(["file", "error", "sheets", "findings"]);
    expect(files[2].error.kind).toBe("not-xlsx");
    expect(files[1].findings.some((f: { rule: string }) => f.rule === "BAL-SPEND")).toBe(true);
  });

  it("exit 1 when all files were read and one has an error finding, 0 when none has", async () => {
    expect((await runCli([clean, broken])).code).toBe(1);
    expect((await runCli([clean, clean])).code).toBe(0);
  });
});

describe("hidden sheets and far-away cells", () => {
  it("skips hidden sheets and names them; --include-hidden checks them", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(broken);
    wb.getWorksheet("收支总表")!.state = "hidden";
    wb.addWorksheet("封面").addRow(["2025 年部门预算"]);
    const file = path.join(dir, "hidden.xlsx");
    await wb.xlsx.writeFile(file);
    const skipped = await runCli([file]);
    expect(skipped.code).toBe(0);
    expect(skipped.out).toContain("隐藏的工作表未检查：收支总表");
    const json = JSON.parse((await runCli([file, "--json"])).out).files[0];
    expect(json.skipped).toEqual([{ name: "收支总表", reason: "hidden" }]);
    const all = await runCli([file, "--include-hidden"]);
    expect(all.code).toBe(1);
    expect(all.out).toContain("BAL-SPEND");
  });

  it("a stray value at XFD1048576 beside the table: the check completes and finds the same", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(broken);
    wb.getWorksheet("收支总表")!.getCell("XFD1048576").value = "x";
    const file = path.join(dir, "stray.xlsx");
    await wb.xlsx.writeFile(file);
    const plain = JSON.parse((await runCli([broken, "--json"])).out).files[0].findings;
    const stray = await runCli([file, "--json"]);
    expect(stray.code).toBe(1);
    const got = JSON.parse(stray.out).files[0].findings.filter((f: { cell: string }) => f.cell !== "A1");
    expect(got).toEqual(plain.filter((f: { cell: string }) => f.cell !== "A1"));
    const out = path.join(dir, "stray-copy.xlsx");
    expect((await runCli([file, "--annotate", out])).code).toBe(1);
  });
});

describe("a bug inside the checker", () => {
  it("is exit 3 with one Chinese line and no stack trace", async () => {
    const check = await import("../../src/core/check");
    const { main } = await import("../../src/cli/main");
    const spy = jest.spyOn(check, "checkWorkbook").mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')\n    at rule (src/core/x.ts:1:1)");
    });
    const written: string[] = [];
    const write = jest
      .spyOn(process.stderr, "write")
      .mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    const argv = process.argv;
    const exitCode = process.exitCode;
    const before = { uncaught: process.listeners("uncaughtException"), stdout: process.stdout.listeners("error") };
    process.argv = [argv[0], bin, clean];
    try {
      main();
      for (let i = 0; i < 200 && process.exitCode === exitCode; i++) await new Promise((r) => setTimeout(r, 10));
      expect(process.exitCode).toBe(3);
      oneChineseLine(written.join(""));
      expect(written.join("")).toContain("内部错误");
    } finally {
      process.argv = argv;
      process.exitCode = exitCode;
      spy.mockRestore();
      write.mockRestore();
      for (const l of process.listeners("uncaughtException"))
        if (!before.uncaught.includes(l)) process.off("uncaughtException", l);
      for (const l of process.stdout.listeners("error"))
        if (!before.stdout.includes(l)) process.stdout.off("error", l as (e: Error) => void);
    }
  });
});
