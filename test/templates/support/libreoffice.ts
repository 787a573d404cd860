import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { parse } from "csv-parse/sync";

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

/**
 * Runs soffice headless once over all the files, converting each to `format` in a fresh temporary
 * folder (its own profile, so parallel test files never share one); returns the converted paths.
 */
export function sofficeConvert(files: { name: string; bytes: Uint8Array }[], format: string, recalc = false): string[] {
  const soffice = sofficePath();
  const dir = mkdtempSync(join(tmpdir(), "budget-check-lo-"));
  const paths = files.map((f) => {
    const p = join(dir, f.name);
    writeFileSync(p, f.bytes);
    return p;
  });
  const out = join(dir, "out");
  const profile = recalc ? recalcProfile(dir) : `file://${join(dir, "profile")}`;
  execFileSync(
    soffice,
    [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", out, ...paths],
    {
      stdio: "pipe",
      timeout: 180000,
    },
  );
  const extension = format.split(":")[0];
  return paths.map((p) => join(out, basename(p).replace(/\.[^.]+$/, `.${extension}`)));
}

/** Converts each .xlsx (first sheet only) to CSV in one soffice run, recalculating; returns the rows per file. */
export function xlsxToCsvRows(files: { name: string; bytes: Buffer }[]): string[][][] {
  return sofficeConvert(files, "csv:Text - txt - csv (StarCalc):44,34,76", true).map((p) =>
    parse(readFileSync(p, "utf8"), { relax_column_count: true }),
  );
}
