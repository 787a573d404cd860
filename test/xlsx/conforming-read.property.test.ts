import fc from "fast-check";
import JSZip from "jszip";
import { canonicalXml } from "../../src/xlsx/conform/canonical";
import { plainPart } from "../../src/xlsx/conform/plain";
import { parseSheetCells, RawCell } from "../../src/xlsx/parse/cells";
import { readWorkbookBytes } from "../../src/xlsx/read";
import { escapeXml } from "../../src/xlsx/xml";
import { rawPackage } from "./support/raw-package";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

type Cell =
  | { kind: "number"; n: number }
  | { kind: "shared"; index: number }
  | { kind: "inline"; text: string }
  | { kind: "formula"; formula: string; n: number }
  | { kind: "text formula"; formula: string; text: string }
  | { kind: "boolean"; b: boolean };

/** Text with what XML must escape, Chinese, white space and an OOXML escape. */
const text = fc.string({
  unit: fc.constantFrom("a", "合", "计", " ", "&", "<", ">", '"', "'", "\n", "1", ".", "_x000D_"),
  maxLength: 6,
});
const number = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
);
const formula = fc.constantFrom("SUM(A1:B2)", 'IF(A1>0,"是","否")', "A1&B1", "1+2");

const cell = (strings: number): fc.Arbitrary<Cell> =>
  fc.oneof(
    number.map((n): Cell => ({ kind: "number", n })),
    fc.nat(strings - 1).map((index): Cell => ({ kind: "shared", index })),
    text.map((t): Cell => ({ kind: "inline", text: t })),
    fc.tuple(formula, number).map(([f, n]): Cell => ({ kind: "formula", formula: f, n })),
    fc.tuple(formula, text).map(([f, t]): Cell => ({ kind: "text formula", formula: f, text: t })),
    fc.boolean().map((b): Cell => ({ kind: "boolean", b })),
  );

/** Where the legal extras go: each flag says whether the element at that place gets one. */
interface Features {
  comments: boolean[];
  cdata: boolean[];
  prefixed: boolean[];
  foreign: boolean[];
  instructions: boolean[];
  utf16: boolean;
}

const flags = fc.array(fc.boolean(), { minLength: 64, maxLength: 64 });
const features = fc.record({
  comments: flags,
  cdata: flags,
  prefixed: flags,
  foreign: flags,
  instructions: flags,
  utf16: fc.boolean(),
});

const workbook = fc.array(text, { minLength: 1, maxLength: 5 }).chain((strings) =>
  fc.record({
    strings: fc.constant(strings),
    rows: fc.array(fc.array(fc.option(cell(strings.length)), { maxLength: 5 }), { maxLength: 6 }),
  }),
);

/**
 * Writes the sheet plainly (`f` undefined), or with the extras where `f` puts them; `x` writes every
 * element of a plain sheet with the prefix x: (as the Open XML SDK does).
 */
function sheetXml(rows: (Cell | null)[][], f?: Features, x = false): string {
  let k = 0;
  const at = (list: boolean[] | undefined) => (list ? list[k++ % list.length] : false);
  const content = (raw: string) => {
    if (!f) return escapeXml(raw);
    if (at(f.cdata) && raw !== "") return `<![CDATA[${raw}]]>`;
    if (at(f.comments) && raw.length > 1) return `${escapeXml(raw.slice(0, 1))}<!-- 注 -->${escapeXml(raw.slice(1))}`;
    return escapeXml(raw);
  };
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((c, col) => {
          if (!c) return "";
          const p = x ? "x:" : f && at(f.prefixed) ? "q:" : "";
          const ns = p ? ` xmlns:q="${NS}"` : "";
          const ref = `${String.fromCharCode(65 + col)}${r + 1}`;
          const el = (name: string, inner: string) => `<${p}${name}>${inner}</${p}${name}>`;
          let attrs = "";
          let inner = "";
          switch (c.kind) {
            case "number":
              inner = el("v", content(String(c.n)));
              break;
            case "shared":
              attrs = ' t="s"';
              inner = el("v", content(String(c.index)));
              break;
            case "inline":
              attrs = ' t="inlineStr"';
              inner = el("is", el("t", content(c.text)));
              break;
            case "formula":
              inner = el("f", content(c.formula)) + el("v", content(String(c.n)));
              break;
            case "text formula":
              attrs = ' t="str"';
              inner = el("f", content(c.formula)) + el("v", content(c.text));
              break;
            case "boolean":
              attrs = ' t="b"';
              inner = el("v", content(c.b ? "1" : "0"));
          }
          const extra = f && at(f.foreign) ? `<o:c xmlns:o="urn:other" r="${ref}"><o:v>999</o:v></o:c>` : "";
          const before =
            f && at(f.instructions) ? "<?budget 注?>" : f && at(f.comments) ? `<!--<c r="${ref}"><v>999</v></c>-->` : "";
          return `${before}${extra}<${p}c${ns} r="${ref}"${attrs}>${inner}</${p}c>`;
        })
        .join("");
      return x ? `<x:row r="${r + 1}">${cells}</x:row>` : `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  const head = f?.utf16 ? '<?xml version="1.0" encoding="UTF-16"?>' : '<?xml version="1.0" encoding="UTF-8"?>';
  const before = f && at(f.comments) ? "<!-- <sheetData/> -->" : "";
  if (x) return `${head}<x:worksheet xmlns:x="${NS}"><x:sheetData>${body}</x:sheetData></x:worksheet>`;
  return `${head}<worksheet xmlns="${NS}">${before}<sheetData>${body}</sheetData></worksheet>`;
}

function sstXml(strings: string[], f?: Features): string {
  let k = 0;
  const at = (list: boolean[] | undefined) => (list ? list[k++ % list.length] : false);
  const items = strings
    .map((s) => {
      const body = f && at(f.cdata) && s !== "" ? `<![CDATA[${s}]]>` : escapeXml(s);
      const fake = f && at(f.comments) ? "<!--<si><t>伪</t></si>-->" : "";
      return f && at(f.prefixed) ? `${fake}<m:si xmlns:m="${NS}"><m:t>${body}</m:t></m:si>` : `${fake}<si><t>${body}</t></si>`;
    })
    .join("");
  return items;
}

async function packageOf(sheet: string, sst: string, utf16: boolean): Promise<Uint8Array> {
  const bytes = await rawPackage([{ name: "表", xml: sheet }], { sharedStrings: sst });
  if (!utf16) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  zip.file("xl/worksheets/sheet1.xml", Buffer.from(`\ufeff${sheet}`, "utf16le"));
  return zip.generateAsync({ type: "uint8array" });
}

function cellsOf(xml: string): RawCell[] {
  const out: RawCell[] = [];
  parseSheetCells(xml, { sharedStrings: ["s0", "s1", "s2", "s3", "s4"], isDateStyle: () => false, date1904: false }, 1e6, (c) =>
    out.push(c),
  );
  return out;
}

describe("the fast reader and the conforming parser agree", () => {
  test("a plain sheet: the fast path reads it, and reads it as the parser's rewriting reads", () => {
    fc.assert(
      fc.property(workbook, fc.boolean(), ({ rows }, x) => {
        const xml = sheetXml(rows, undefined, x);
        expect(plainPart(xml, "worksheet", NS)).not.toBeNull();
        expect(cellsOf(xml)).toEqual(cellsOf(canonicalXml(xml, "sheet", NS)));
      }),
      { seed: 18, numRuns: 200 },
    );
  });

  test("comments, CDATA, instructions, prefixes, foreign elements and UTF-16 change nothing that is read", async () => {
    await fc.assert(
      fc.asyncProperty(workbook, features, async ({ strings, rows }, f) => {
        const plain = await readWorkbookBytes(await packageOf(sheetXml(rows), sstXml(strings), false), "t.xlsx");
        const dressed = await readWorkbookBytes(await packageOf(sheetXml(rows, f), sstXml(strings, f), f.utf16), "t.xlsx");
        expect(dressed).toEqual(plain);
      }),
      { seed: 18, numRuns: 120 },
    );
  });
});
