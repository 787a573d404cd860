/**
 * What the command line prints reaches a terminal, and a workbook's cell text, sheet names and file
 * names are a department's to choose: ESC sequences could recolour, clear or retitle the screen,
 * and OSC 52 writes the clipboard (issue 18). So C0 controls other than tab and newline, DEL and
 * the C1 controls are shown, never obeyed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** C0 as its Unicode control picture (␛ for ESC, ␇ for BEL), DEL as ␡, C1 as �: visible, one column each. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? "\u2421" : "\ufffd";
  });
}

/**
 * JSON.stringify escapes C0 but writes DEL and C1 raw; as \u escapes the text is the same JSON,
 * value for value, and inert on a terminal.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
