/**
 * Computes the identities declared in test/wild/sources/*.txt on the committed workbooks test/wild/*.xlsx,
 * with exact decimals and without the checker (no import from src/core).
 *
 * Run: node bin/run-ts.js scripts/wild/identities.ts   (prints every identity; exit 1 when one is off)
 *
 * Grammar of a side: numbers, cell references (D11, '资金安排表'!D11), + - * /, parentheses,
 * sum(A1:A5, B2, …) and round(x, n) (half up). A blank cell is 0, a dash (-, —, /) is 0; any other text in a
 * referenced cell is an error. Both sides must be exactly equal.
 */
import ExcelJS from "exceljs";
import Decimal from "decimal.js";
import { readdirSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { Identity, WildSource, parseA1, parseRect, parseSource, toA1 } from "./source";

export const ROOT = resolve(__dirname, "../..");
export const WILD_DIR = join(ROOT, "test/wild");
export const SOURCES_DIR = join(WILD_DIR, "sources");

export interface IdentityResult {
  identity: Identity;
  lhs: string;
  rhs: string;
  holds: boolean;
  /** As declared: holds for a plain identity, fails for one marked !broken. */
  asDeclared: boolean;
  error?: string;
}

/** Reads the sources in file order. */
export function readSources(): WildSource[] {
  return readdirSync(SOURCES_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => parseSource(readFileSync(join(SOURCES_DIR, f), "utf8"), f));
}

/** The workbook built from a source: same name, .xlsx, in test/wild. */
export function workbookPath(source: WildSource): string {
  return join(WILD_DIR, source.file.replace(/\.txt$/, ".xlsx"));
}

type Lookup = (sheet: string, address: string) => Decimal;

function cellNumber(ws: ExcelJS.Worksheet, address: string): Decimal {
  const { row, col } = parseA1(address);
  const cell = ws.getCell(row + 1, col + 1);
  if (cell.isMerged && cell.master.address !== cell.address) return new Decimal(0);
  let v = cell.value as unknown;
  if (v !== null && typeof v === "object" && "result" in (v as object)) v = (v as { result: unknown }).result;
  if (v === null || v === undefined) return new Decimal(0);
  if (typeof v === "number") return new Decimal(String(v));
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "" || /^[-—–/]+$/.test(t)) return new Decimal(0);
    throw new Error(`${ws.name}!${address} holds text ${JSON.stringify(v)}`);
  }
  throw new Error(`${ws.name}!${address} holds ${JSON.stringify(v)}`);
}

type Token =
  { t: "num"; v: string } | { t: "ref"; sheet?: string; a: string; b?: string } | { t: "id"; v: string } | { t: "op"; v: string };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if ("+-*/(),".includes(ch)) {
      out.push({ t: "op", v: ch });
      i++;
      continue;
    }
    const rest = text.slice(i);
    let m = /^'([^']+)'!([A-Z]{1,3}\d+)(?::([A-Z]{1,3}\d+))?/.exec(rest);
    if (m) {
      out.push({ t: "ref", sheet: m[1], a: m[2], b: m[3] });
      i += m[0].length;
      continue;
    }
    m = /^(\d+(?:\.\d+)?)(?![A-Za-z])/.exec(rest);
    if (m) {
      out.push({ t: "num", v: m[1] });
      i += m[0].length;
      continue;
    }
    m = /^([A-Z]{1,3}\d+)(?::([A-Z]{1,3}\d+))?/.exec(rest);
    if (m) {
      out.push({ t: "ref", a: m[1], b: m[2] });
      i += m[0].length;
      continue;
    }
    m = /^([a-z]+)/.exec(rest);
    if (m) {
      out.push({ t: "id", v: m[1] });
      i += m[0].length;
      continue;
    }
    throw new Error(`cannot read ${JSON.stringify(rest)}`);
  }
  return out;
}

/** Evaluates one side of an identity. */
export function evaluate(text: string, sheet: string, lookup: Lookup): Decimal {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (v?: string): Token => {
    const t = tokens[pos++];
    if (!t) throw new Error(`unexpected end of ${text}`);
    if (v !== undefined && !(t.t === "op" && t.v === v)) throw new Error(`expected ${v} in ${text}`);
    return t;
  };
  const isOp = (v: string) => peek()?.t === "op" && (peek() as { v: string }).v === v;

  const cells = (t: Extract<Token, { t: "ref" }>): Decimal[] => {
    const s = t.sheet ?? sheet;
    if (!t.b) return [lookup(s, t.a)];
    const r = parseRect(`${t.a}:${t.b}`);
    const out: Decimal[] = [];
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) out.push(lookup(s, toA1(row, col)));
    return out;
  };

  const expr = (): Decimal => {
    let v = term();
    while (isOp("+") || isOp("-")) {
      const op = (take() as { v: string }).v;
      const w = term();
      v = op === "+" ? v.plus(w) : v.minus(w);
    }
    return v;
  };
  const term = (): Decimal => {
    let v = factor();
    while (isOp("*") || isOp("/")) {
      const op = (take() as { v: string }).v;
      const w = factor();
      v = op === "*" ? v.times(w) : v.div(w);
    }
    return v;
  };
  const factor = (): Decimal => {
    if (isOp("-")) {
      take();
      return factor().neg();
    }
    if (isOp("(")) {
      take("(");
      const v = expr();
      take(")");
      return v;
    }
    const t = take();
    if (t.t === "num") return new Decimal(t.v);
    if (t.t === "ref") {
      if (t.b) throw new Error(`a range outside sum(): ${text}`);
      return cells(t)[0];
    }
    if (t.t === "id") {
      take("(");
      if (t.v === "sum") {
        let total = new Decimal(0);
        for (;;) {
          const n = peek();
          if (n?.t === "ref" && n.b) {
            pos++;
            for (const c of cells(n)) total = total.plus(c);
          } else {
            total = total.plus(expr());
          }
          if (isOp(",")) {
            take(",");
            continue;
          }
          break;
        }
        take(")");
        return total;
      }
      if (t.v === "round") {
        const x = expr();
        take(",");
        const n = expr();
        take(")");
        return x.toDecimalPlaces(n.toNumber(), Decimal.ROUND_HALF_UP);
      }
      throw new Error(`unknown function ${t.v}`);
    }
    throw new Error(`unexpected ${JSON.stringify(t)} in ${text}`);
  };

  const v = expr();
  if (pos !== tokens.length) throw new Error(`trailing input in ${text}`);
  return v;
}

/** Computes every identity of one source on its committed workbook. */
export async function checkIdentities(source: WildSource, path = workbookPath(source)): Promise<IdentityResult[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const lookup: Lookup = (sheet, address) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet} in ${path}`);
    return cellNumber(ws, address);
  };
  return source.identities.map((identity) => {
    try {
      const l = evaluate(identity.lhs, identity.sheet, lookup);
      const r = evaluate(identity.rhs, identity.sheet, lookup);
      const holds = l.equals(r);
      return { identity, lhs: l.toString(), rhs: r.toString(), holds, asDeclared: holds !== identity.broken };
    } catch (e) {
      return { identity, lhs: "", rhs: "", holds: false, asDeclared: false, error: (e as Error).message };
    }
  });
}

async function main(): Promise<void> {
  let off = 0;
  let total = 0;
  for (const source of readSources()) {
    const results = await checkIdentities(source);
    for (const r of results) {
      total++;
      const id = r.identity;
      const mark = r.asDeclared ? (id.broken ? "broken (declared)" : "holds") : "OFF";
      if (!r.asDeclared) off++;
      const detail = r.error ? `error: ${r.error}` : `${r.lhs} vs ${r.rhs}`;
      if (!r.asDeclared || process.argv.includes("--all")) {
        console.log(`${source.file}:${id.line} ${id.sheet}: ${id.lhs} = ${id.rhs}  ${mark}  (${detail})`);
      }
    }
  }
  console.log(`${total} identities, ${total - off} as declared, ${off} off`);
  if (off > 0) process.exitCode = 1;
}

if (resolve(process.argv[1] ?? "") === __filename) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
