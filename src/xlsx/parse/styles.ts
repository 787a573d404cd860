import { allTags, attr } from "../xml";

/**
 * Built-in number formats (ECMA-376 §18.8.30), with the zh-CN codes for the East Asian ids, which
 * is what a Chinese Excel reports through Office.js.
 */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const CELL_XFS = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/;

/** The number format code of each cell style index (a cell's `s`), from xl/styles.xml. */
export function parseCellFormats(xml: string | null): string[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const a of allTags(xml, "numFmt")) {
    const id = Number(attr(a, "numFmtId"));
    const code = attr(a, "formatCode");
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
  }
  const xfs = CELL_XFS.exec(xml)?.[1] ?? "";
  return allTags(xfs, "xf").map((a) => {
    const id = Number(attr(a, "numFmtId") ?? 0);
    return custom.get(id) ?? BUILT_IN[id] ?? "General";
  });
}

/** Whether a format shows dates or times: its letters outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(bare);
}
