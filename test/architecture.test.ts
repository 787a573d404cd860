import { readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative } from "path";

/** The layering the README promises, checked on the source text. */
const root = join(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const imports = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"|require\("([^"]+)"\)|import\("([^"]+)"\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );

describe("architecture", () => {
  it("keeps src/core pure: only relative imports and decimal.js, no Office, DOM or Node", () => {
    const offenders: string[] = [];
    for (const file of sources(join(root, "src/core"))) {
      const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      for (const spec of imports(file))
        if (!spec.startsWith(".") && spec !== "decimal.js") offenders.push(`${relative(root, file)}: ${spec}`);
      if (/\b(Excel|Office)\.\w|\bdocument\.|\bwindow\.|\bprocess\./.test(text))
        offenders.push(`${relative(root, file)}: host global`);
    }
    expect(offenders).toEqual([]);
  });

  it("keeps src/xlsx browser-safe: bytes in and out, no Node module or global (a Web Worker imports it)", () => {
    const offenders: string[] = [];
    for (const file of sources(join(root, "src/xlsx"))) {
      const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      for (const spec of imports(file)) {
        const target = spec.startsWith(".") ? relative(root, join(dirname(file), spec)) : spec;
        // Browser-safe packages only: the zip, its inflater, the XML parser, decimal arithmetic.
        const allowed =
          ["jszip", "pako", "saxes", "decimal.js"].includes(spec) ||
          target.startsWith("src/xlsx/") ||
          target.startsWith("src/core/") ||
          target === "src/excel/mark-layout";
        if (!allowed) offenders.push(`${relative(root, file)}: ${spec}`);
      }
      if (/\bBuffer\b|\bprocess\.|\brequire\(|__dirname|\b(Excel|Office)\.\w/.test(text))
        offenders.push(`${relative(root, file)}: Node or host global`);
    }
    expect(offenders).toEqual([]);
  });

  it("keeps Excel.run out of the task pane: it only gets the gateway", () => {
    const offenders = sources(join(root, "src/taskpane")).filter((file) =>
      /Excel\.run|context\.sync/.test(readFileSync(file, "utf8")),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it("renders no HTML from strings and evaluates no code", () => {
    const offenders = sources(join(root, "src")).filter((file) =>
      /dangerouslySetInnerHTML|\beval\(|new Function\(|innerHTML\s*=/.test(readFileSync(file, "utf8")),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
