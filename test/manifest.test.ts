import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const root = join(__dirname, "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");

function all(re: RegExp, text = manifest): RegExpExecArray[] {
  return [...text.matchAll(new RegExp(re.source, "g"))];
}

/** Width and height from the IHDR chunk, which every PNG starts with. */
function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(buf.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function assetFor(url: string): string {
  const m = /^https:\/\/localhost:3000\/(assets\/[\w.-]+\.png)$/.exec(url);
  if (!m) throw new Error(`icon URL outside assets/: ${url}`);
  return join(root, m[1]);
}

describe("manifest.xml", () => {
  it("validates against the add-in manifest schemas with xmllint", () => {
    const probe = spawnSync("xmllint", ["--version"]);
    if (probe.error) {
      throw new Error(
        "xmllint is not installed, so the manifest cannot be validated. Install libxml2-utils (Debian/Ubuntu: apt-get install libxml2-utils); CI installs it.",
      );
    }
    const run = spawnSync("bash", [join(root, "scripts/validate-manifest.sh")], { encoding: "utf8" });
    expect(`${run.stdout}${run.stderr}`).toContain("manifest.xml validates");
    expect(run.status).toBe(0);
  });

  it("rejects a manifest that breaks the schema, so the check above can fail", () => {
    const dir = mkdtempSync(join(tmpdir(), "manifest-"));
    const broken = join(dir, "manifest.xml");
    writeFileSync(
      broken,
      manifest.replace(/<DefaultLocale>[^<]*<\/DefaultLocale>/, "<DefaultLocale>zh-CN</DefaultLocale><Bogus/>"),
    );
    const run = spawnSync("bash", [join(root, "scripts/validate-manifest.sh"), broken], { encoding: "utf8" });
    expect(run.status).not.toBe(0);
  });

  it("resolves every resid to a resource", () => {
    const ids = new Set(all(/<bt:(?:Image|Url|String) id="([^"]+)"/).map((m) => m[1]));
    const refs = all(/resid="([^"]+)"/).map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => !ids.has(r))).toEqual([]);
  });

  it("registers every FunctionName with Office.actions.associate in src/commands", () => {
    const names = all(/<FunctionName>([^<]+)<\/FunctionName>/).map((m) => m[1]);
    expect(names).toEqual(["checkActiveSheet"]);
    const dir = join(root, "src/commands");
    const code = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => readFileSync(join(dir, f), "utf8"))
      .join("\n");
    for (const name of names) expect(code).toMatch(new RegExp(`Office\\.actions\\.associate\\(\\s*"${name}"`));
  });

  it("has the three ribbon buttons in one Home-tab group", () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(all(/<Control xsi:type="Button"/)).toHaveLength(3);
    expect(manifest).toContain("taskpane.html?action=checkWorkbook");
    expect(manifest).toContain("taskpane.html?view=templates");
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.8"\/>/);
  });

  it("points at icons that exist with the pixel sizes it claims", () => {
    const images = new Map(all(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"/).map((m) => [m[1], m[2]]));
    const uses = all(/<bt:Image size="(\d+)" resid="([^"]+)"/);
    expect(uses.length).toBeGreaterThan(0);
    for (const [, size, resid] of uses) {
      const file = assetFor(images.get(resid)!);
      expect(pngSize(file)).toEqual({ width: Number(size), height: Number(size) });
    }
    const icon = /<IconUrl DefaultValue="([^"]+)"/.exec(manifest)![1];
    const hires = /<HighResolutionIconUrl DefaultValue="([^"]+)"/.exec(manifest)![1];
    expect(pngSize(assetFor(icon))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetFor(hires))).toEqual({ width: 64, height: 64 });
  });

  it("declares no shared runtime, so nothing in the code may rely on one", () => {
    // A <Runtimes> element would stop Windows builds from using EdgeHTML (Trident where WebView2 is
    // missing) and SharedRuntime 1.1 is not in Office 2019, our minimum; see docs/decisions.md.
    expect(manifest).not.toMatch(/<Runtimes?\b/);
    expect(manifest).toMatch(/<FunctionFile resid="Commands\.Url"\/>/);
    const files = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
      );
    // Code only: the comments that explain the decision may name the API.
    const code = (f: string) =>
      readFileSync(join(root, f), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
    const users = files("src").filter((f) => /showAsTaskpane|SharedRuntime|Office\.addin\b/.test(code(f)));
    expect(users).toEqual([]);
  });

  it("names pages that exist in the source for the function file", () => {
    expect(manifest).toContain("https://localhost:3000/commands.html");
    expect(existsSync(join(root, "src/commands/commands.html"))).toBe(true);
  });
});
