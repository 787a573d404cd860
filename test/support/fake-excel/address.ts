import { RectRef, columnIndex, rectToA1 } from "../../../src/core/address";
import { FakeOfficeError } from "./errors";
import { MAX_COLS, MAX_ROWS } from "./state";

/** Parses what getRange accepts: "B3", "$A$1:C9", "A:C", "2:5", optionally sheet-qualified. */
export function parseAddress(address: string): RectRef {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = bare.replace(/\$/g, "").trim().split(":");
  const ends = parts.map((p) => {
    let m = /^([A-Za-z]{1,3})(\d+)$/.exec(p);
    if (m) return { row: Number(m[2]) - 1, col: columnIndex(m[1]), wholeRow: false, wholeCol: false };
    m = /^([A-Za-z]{1,3})$/.exec(p);
    if (m) return { row: 0, col: columnIndex(m[1]), wholeRow: false, wholeCol: true };
    m = /^(\d+)$/.exec(p);
    if (m) return { row: Number(m[1]) - 1, col: 0, wholeRow: true, wholeCol: false };
    return null;
  });
  const [a, b = a] = ends;
  if (!a || !b || parts.length > 2)
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: '${address}'`);
  const rect = {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: a.wholeCol ? MAX_ROWS - 1 : Math.max(a.row, b.row),
    right: a.wholeRow ? MAX_COLS - 1 : Math.max(a.col, b.col),
  };
  if (rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS || rect.top < 0 || rect.left < 0) {
    throw new FakeOfficeError("InvalidArgument", `The address is outside the sheet: '${address}'`);
  }
  return rect;
}

/** Splits "A1,B3:B9" (RangeAreas syntax). */
export function parseAreas(address: string): RectRef[] {
  return address.split(",").map((a) => parseAddress(a));
}

/** Sheet names with anything but letters, digits, CJK and _ are quoted, as Excel writes them. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, rect: RectRef): string {
  return `${quoteSheet(sheet)}!${rectToA1(rect)}`;
}
