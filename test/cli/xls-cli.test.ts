import { existsSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { isAnnotatedCopy } from "../../src/xlsx/annotate";
import { sofficeConvert } from "../templates/support/libreoffice";
import { runCli, tempDir } from "./cli-helpers";

/** Issue 21: the command line reads an .xls as it reads an .xlsx, and annotates it into an .xlsx. */
const FIXTURE = path.join(__dirname, "..", "fixtures", "planted", "wrong-item.xlsx");
const dir = tempDir();
const XLS = path.join(dir, "wrong-item.xls");

beforeAll(() => {
  const [converted] = sofficeConvert([{ name: "wrong-item.xlsx", bytes: readFileSync(FIXTURE) }], "xls");
  writeFileSync(XLS, readFileSync(converted));
}, 120_000);

describe("budget-check FILE.xls", () => {
  it("gives the .xlsx's findings, exit code and all", async () => {
    const fromXlsx = await runCli([FIXTURE, "--json"]);
    const fromXls = await runCli([XLS, "--json"]);
    expect(fromXls.code).toBe(fromXlsx.code);
    const findings = (out: string) => (JSON.parse(out) as { files: { findings: unknown[] }[] }).files[0].findings;
    expect(findings(fromXls.out)).toEqual(findings(fromXlsx.out));
    expect(findings(fromXls.out).length).toBeGreaterThan(0);
  });

  it("--annotate writes an .xlsx copy and says that the .xls's fonts and fills are not in it", async () => {
    const out = path.join(dir, "wrong-item-已标注.xlsx");
    const before = readFileSync(XLS);
    const r = await runCli([XLS, "--annotate", out]);
    expect(r.err).toMatch(/已写出标注副本/);
    expect(r.err).toContain("原文件是旧版 .xls，标注副本另存为 .xlsx");
    expect(r.err).toMatch(/标注 [1-9]\d* 个单元格/);
    expect(await isAnnotatedCopy(readFileSync(out))).toBe(true);
    // The copy is checked like the .xls: the same findings.
    const again = await runCli([out, "--json"]);
    expect(again.code).toBe(r.code);
    expect(readFileSync(XLS)).toEqual(before);
    const asXls = await runCli([XLS, "--annotate", path.join(dir, "副本.xls")]);
    expect(asXls.code).toBe(2);
  });

  it("--fix writes its fixed copy as an .xlsx built from the .xls's cells, the .xls untouched", async () => {
    const out = path.join(dir, "wrong-item-已修复.xlsx");
    const before = readFileSync(XLS);
    const r = await runCli([XLS, "--fix", out]);
    expect(r.code).not.toBe(2);
    expect(r.out).toContain("修复副本");
    expect(existsSync(out)).toBe(true);
    // The copy is an .xlsx the checker reads.
    const again = await runCli([out, "--json"]);
    expect(again.code).not.toBe(2);
    expect(readFileSync(XLS)).toEqual(before);
  });
});
