import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";

const INSTALL_HINT =
  "未找到 LibreOffice（soffice）：请先安装 libreoffice-calc-nogui，例如 `apt-get install -y --no-install-recommends libreoffice-calc-nogui`。";

export function sofficePath(): string {
  const found = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  const path = found.stdout.trim().split("\n")[0];
  if (found.status !== 0 || !path) throw new Error(INSTALL_HINT);
  return path;
}

/**
 * A throwaway profile that makes LibreOffice recalculate OOXML formulas on load (OOXMLRecalcMode 0),
 * so the CSV shows what LibreOffice computed, never the results cached in the file.
 */
function recalcProfile(dir: string): string {
  const user = join(dir, "profile", "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(
    join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return `file://${join(dir, "profile")}`;
}

/** Converts each .xlsx (first sheet only) to CSV in one soffice run; returns the rows per file. */
export function xlsxToCsvRows(files: { name: string; bytes: Buffer }[]): string[][][] {
  const soffice = sofficePath();
  const dir = mkdtempSync(join(tmpdir(), "budget-check-lo-"));
  const paths = files.map((f) => {
    const p = join(dir, f.name);
    writeFileSync(p, f.bytes);
    return p;
  });
  const out = join(dir, "out");
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=${recalcProfile(dir)}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76",
      "--outdir",
      out,
      ...paths,
    ],
    { stdio: "pipe", timeout: 120000 },
  );
  return paths.map((p) => parseCsv(readFileSync(join(out, basename(p).replace(/\.xlsx$/, ".csv")), "utf8")));
}

/** RFC 4180 enough for LibreOffice's output: quoted fields, doubled quotes, embedded newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(field), (field = ""));
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}
