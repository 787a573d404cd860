import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { deflateRawSync } from "zlib";
import { AnnotateError, annotateWorkbookBytes, readWorkbookBytes, WorkbookReadError } from "../../src/xlsx";
import { PackageText } from "../../src/xlsx/package";
import { INFLATE_LIMITS, InflateBudget, InflateLimitError } from "../../src/xlsx/zip/inflate";
import { bombStream, deflated, RawEntry, SHEET_HEAD, SHEET_TAIL, workbookAround, zipOf } from "./support/hostile-zip";

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const SST_HEAD = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>`;

/** The two bombs: 6 MB inflating to 6 GiB in one sheet; 3 MB in a sheet and the shared strings, both stating 1,000 bytes. */
function bomb6(): Uint8Array {
  return zipOf(workbookAround({ name: "", method: 8, statedSize: 1000, data: bombStream(SHEET_HEAD, " ", 6 * GiB, SHEET_TAIL) }));
}

function bomb3(): Uint8Array {
  const sheet = bombStream(SHEET_HEAD, " ", 1.5 * GiB, SHEET_TAIL);
  const strings = bombStream(SST_HEAD, "x", 1.5 * GiB, "</t></si></sst>");
  return zipOf(
    workbookAround(
      { name: "", method: 8, statedSize: 1000, data: sheet },
      { name: "", method: 8, statedSize: 1000, data: strings },
    ),
  );
}

const TOO_LARGE = "解压后过大，可能不是正常的工作簿";

describe("a zip bomb is refused after inflating a bounded amount", () => {
  it.each([
    ["6 MB", bomb6],
    ["3 MB", bomb3],
  ])("the %s bomb: too-large, in the reader's words", async (_label, build) => {
    const bytes = build();
    const error = await readWorkbookBytes(bytes, "炸弹.xlsx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).kind).toBe("too-large");
    expect((error as WorkbookReadError).message).toBe(`${TOO_LARGE}，未检查：炸弹.xlsx`);
  });

  it("stops inflating at the ratio limit, whatever the directory states", async () => {
    const budget = new InflateBudget();
    const pkg = new PackageText(await JSZip.loadAsync(bomb6()), budget);
    await expect(pkg.xml("xl/worksheets/sheet1.xml", "worksheet")).rejects.toBeInstanceOf(InflateLimitError);
    // One 64 KiB slice of a 1,000-to-1 stream past the 32 MiB floor, not 6 GiB.
    expect(budget.inflated).toBeGreaterThan(INFLATE_LIMITS.ratioFrom);
    expect(budget.inflated).toBeLessThan(INFLATE_LIMITS.ratioFrom + 80 * MiB);
  });

  it("counts a part, and all parts together, against their limits", async () => {
    const bytes = zipOf(workbookAround(`${SHEET_HEAD}${"<row/>".repeat(40_000)}${SHEET_TAIL}`));
    const limits = { ...INFLATE_LIMITS, part: 100_000 };
    await expect(
      new PackageText(await JSZip.loadAsync(bytes), new InflateBudget(limits)).xml("xl/worksheets/sheet1.xml", "worksheet"),
    ).rejects.toBeInstanceOf(InflateLimitError);
    const total = { ...INFLATE_LIMITS, total: 300 };
    const pkg = new PackageText(await JSZip.loadAsync(bytes), new InflateBudget(total));
    await pkg.xml("xl/workbook.xml", "workbook");
    await expect(pkg.relationships("xl/workbook.xml")).rejects.toBeInstanceOf(InflateLimitError);
  });

  it("inflates a real part that compresses 300 to 1 (repetitive, but not a bomb)", async () => {
    const rows = "<row><c><v>0</v></c><c><v>0</v></c></row>".repeat(1_000_000);
    const sheet = `${SHEET_HEAD}${rows}${SHEET_TAIL}`;
    const entry: RawEntry = { ...deflated("", sheet), data: deflateRawSync(Buffer.from(sheet), { level: 9 }) };
    expect(sheet.length / entry.data.length).toBeGreaterThan(250);
    expect(sheet.length).toBeGreaterThan(INFLATE_LIMITS.ratioFrom);
    const pkg = new PackageText(await JSZip.loadAsync(zipOf(workbookAround(entry))));
    expect((await pkg.xml("xl/worksheets/sheet1.xml", "worksheet"))?.length).toBe(sheet.length);
  });

  it("a stream cut short, or not deflate at all, is damaged, not read as far as it goes", async () => {
    const full = deflated("", `${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row>${SHEET_TAIL}`);
    const cut = { ...full, data: full.data.subarray(0, full.data.length - 6) };
    const noise: RawEntry = { ...full, data: Buffer.from("not deflate data at all") };
    for (const entry of [cut, noise]) {
      const error = await readWorkbookBytes(zipOf(workbookAround(entry)), "t.xlsx").catch((e: unknown) => e);
      expect((error as WorkbookReadError).kind).toBe("corrupt");
    }
    const stored: RawEntry = {
      name: "",
      method: 0,
      statedSize: 5,
      data: Buffer.from(`${SHEET_HEAD}<row r="1"><c r="A1"><v>7</v></c></row>${SHEET_TAIL}`),
    };
    expect((await readWorkbookBytes(zipOf(workbookAround(stored)), "t.xlsx")).snapshots[0].values).toEqual([[7]]);
  });

  it("the annotated copy of a bomb is refused with the same words", async () => {
    const error = await annotateWorkbookBytes(bomb3(), []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnnotateError);
    expect((error as Error).message).toContain(TOO_LARGE);
  });

  it("the command line ends with exit 2 within a 256 MB heap (it used to need gigabytes)", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "budget-check-bomb-"));
    const file = path.join(dir, "炸弹.xlsx");
    writeFileSync(file, bomb6());
    const cli = path.join(__dirname, "..", "..", "bin", "budget-check.js");
    const r = spawnSync(process.execPath, ["--max-old-space-size=256", cli, file], { encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(TOO_LARGE);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
