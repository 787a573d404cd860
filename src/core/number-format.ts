/**
 * A small Excel number-format renderer, for the CLI and literal grids (in the add-in Excel supplies
 * the displayed text itself). The indicator rules read units from what the user sees, so literal
 * text in a format (`0"人"`, `#,##0.00"元"`, `0.0"万元"`) must survive; getting a decimal place off
 * by a binary double is harmless here because this text is display only, never an amount.
 *
 * Covered: sections (positive;negative;zero), quoted and backslash literals, `_x` padding, `*x`
 * fill, `[Red]`/`[$¥-804]` brackets, 0 # ? placeholders, thousands grouping and `,` scaling, % and
 * scientific notation. Date/time sections fall back to General: the CLI renders dates itself.
 */

type Token =
  | { kind: "literal"; text: string }
  | { kind: "digit"; char: "0" | "#" | "?" }
  | { kind: "point" }
  | { kind: "comma" }
  | { kind: "percent" }
  | { kind: "exponent"; sign: "+" | "-" }
  | { kind: "general" };

const DATE_LETTER = /[ymdhsYMDHS]/;

/** Splits on `;` outside quotes, brackets and escapes. */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === "\\" && !quoted && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "[") bracket = true;
    else if (!quoted && ch === "]") bracket = false;
    else if (ch === ";" && !quoted && !bracket) {
      out.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out;
}

/** Tokens of one section, or null when it is a date/time section this renderer leaves to General. */
function tokenize(section: string): Token[] | null {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    const rest = section.slice(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ kind: "literal", text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      if (i + 1 < section.length) tokens.push({ kind: "literal", text: section[++i] });
    } else if (ch === "_") {
      // Padding as wide as the next character: Excel shows blank space there.
      i++;
      tokens.push({ kind: "literal", text: " " });
    } else if (ch === "*") {
      // Repeat-to-fill depends on the column width; it adds nothing to the content.
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const stop = end < 0 ? section.length : end;
      const currency = /^\[\$([^-\]]*)/.exec(section.slice(i, stop + 1));
      if (currency && currency[1] !== "") tokens.push({ kind: "literal", text: currency[1] });
      i = stop;
    } else if (/^general/i.test(rest)) {
      tokens.push({ kind: "general" });
      i += "general".length - 1;
    } else if (ch === "0" || ch === "#" || ch === "?") {
      tokens.push({ kind: "digit", char: ch });
    } else if (ch === ".") {
      tokens.push({ kind: "point" });
    } else if (ch === ",") {
      tokens.push({ kind: "comma" });
    } else if (ch === "%") {
      tokens.push({ kind: "percent" });
    } else if ((ch === "E" || ch === "e") && (section[i + 1] === "+" || section[i + 1] === "-")) {
      tokens.push({ kind: "exponent", sign: section[i + 1] as "+" | "-" });
      i++;
    } else if (DATE_LETTER.test(ch)) {
      return null;
    } else if (ch !== "@") {
      tokens.push({ kind: "literal", text: ch });
    }
  }
  return tokens;
}

export function formatGeneral(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(11)));
}

function group(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Renders |value| through the digit tokens of one section; literals are placed by the caller. */
function renderNumber(abs: number, tokens: Token[]): string {
  const first = tokens.findIndex((t) => t.kind === "digit");
  let last = -1;
  tokens.forEach((t, i) => {
    if (t.kind === "digit") last = i;
  });
  const core = tokens.slice(first, last + 1);
  const trailing = tokens.slice(last + 1);
  const expAt = core.findIndex((t) => t.kind === "exponent");
  const mantissa = expAt < 0 ? core : core.slice(0, expAt);
  const pointAt = mantissa.findIndex((t) => t.kind === "point");
  const intPart = pointAt < 0 ? mantissa : mantissa.slice(0, pointAt);
  const decPart = pointAt < 0 ? [] : mantissa.slice(pointAt + 1);
  const minInt = intPart.filter((t) => t.kind === "digit" && t.char === "0").length;
  const minDec = decPart.filter((t) => t.kind === "digit" && t.char === "0").length;
  const maxDec = decPart.filter((t) => t.kind === "digit").length;
  const grouped = intPart.some((t, i) => t.kind === "comma" && intPart.slice(i + 1).some((u) => u.kind === "digit"));
  // Commas right after the last placeholder scale by a thousand each (`#,##0,` shows thousands).
  let scale = 0;
  for (const t of trailing) {
    if (t.kind !== "comma") break;
    scale++;
  }
  const x = abs / Math.pow(1000, scale);
  if (expAt < 0) return digits(x);
  const expDigits = core.slice(expAt + 1).filter((t) => t.kind === "digit").length;
  const plus = (core[expAt] as { kind: "exponent"; sign: "+" | "-" }).sign === "+";
  let e = x === 0 ? 0 : Math.floor(Math.log10(x));
  let m = x / Math.pow(10, e);
  // 9.996 with two decimals rounds to 10.00: carry into the exponent.
  if (Number(m.toFixed(maxDec)) >= 10) {
    m /= 10;
    e += 1;
  }
  const sign = e < 0 ? "-" : plus ? "+" : "";
  return `${digits(m)}E${sign}${String(Math.abs(e)).padStart(Math.max(1, expDigits), "0")}`;

  function digits(v: number): string {
    let s = v.toFixed(maxDec);
    let [int, dec = ""] = s.split(".");
    while (dec.length > minDec && dec.endsWith("0")) dec = dec.slice(0, -1);
    if (int === "0" && minInt === 0) int = "";
    int = int.padStart(minInt, "0");
    if (grouped) int = group(int);
    s = pointAt < 0 ? int : `${int}.${dec}`;
    return s;
  }
}

/** The section that applies to the value, and whether Excel adds the minus sign itself. */
function pickSection(sections: string[], value: number): { section: string; autoMinus: boolean } {
  if (value < 0 && sections.length >= 2 && sections[1] !== "") return { section: sections[1], autoMinus: false };
  if (value === 0 && sections.length >= 3) return { section: sections[2], autoMinus: false };
  return { section: sections[0], autoMinus: value < 0 };
}

export function formatNumber(value: number, numberFormat: string): string {
  if (!Number.isFinite(value)) return String(value);
  const bare = numberFormat.trim();
  if (bare === "" || bare === "@" || /^general$/i.test(bare)) return formatGeneral(value);
  const { section, autoMinus } = pickSection(splitSections(numberFormat), value);
  const tokens = tokenize(section);
  if (tokens === null) return formatGeneral(value);
  const percents = tokens.filter((t) => t.kind === "percent").length;
  const abs = Math.abs(value) * Math.pow(100, percents);
  const first = tokens.findIndex((t) => t.kind === "digit" || t.kind === "general");
  let body: string;
  let prefix = "";
  let suffix = "";
  if (first < 0) {
    // A section of literals only, such as `"-"` for zero.
    body = "";
    prefix = tokens.map((t) => literalText(t)).join("");
  } else {
    let last = first;
    tokens.forEach((t, i) => {
      if (t.kind === "digit" || t.kind === "general") last = i;
    });
    prefix = tokens
      .slice(0, first)
      .map((t) => literalText(t))
      .join("");
    // Literals between placeholders (`0"人"0`) are rare in budget tables; they follow the number.
    const middle = tokens.slice(first, last + 1).filter((t) => t.kind === "literal" || t.kind === "percent");
    suffix = [...middle, ...tokens.slice(last + 1)].map((t) => literalText(t)).join("");
    body = tokens[first].kind === "general" ? formatGeneral(abs) : renderNumber(abs, tokens);
  }
  // A value that rounds to zero shows no minus sign.
  const minus = autoMinus && /[1-9]/.test(body) ? "-" : "";
  return `${minus}${prefix}${body}${suffix}`;
}

function literalText(t: Token): string {
  if (t.kind === "literal") return t.text;
  if (t.kind === "percent") return "%";
  return "";
}
