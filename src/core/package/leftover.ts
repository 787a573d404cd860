import { quoted } from "../excerpt";
import { Reporter } from "../reporter";
import { SheetView } from "../snapshot";

/**
 * Template text a table should not be published with (issue 20): placeholders for names and
 * figures, the template's either-or verbs, its fill-in prompts and examples, and a 占 % whose
 * figure was never filled in. The one list of such text: the package, the 说明, the amount tables'
 * template rows (src/core/totals/template-rows.ts) and the forms' prompts read it.
 * `placeholder`: a mark standing for a name (XX单位, 本级单位**); `prompt`: the template telling the
 * writer what to write in a field.
 */
const LEFTOVERS: { pattern: RegExp; what: string; slot?: true; placeholder?: true; prompt?: true }[] = [
  { pattern: /(?:^|[^A-Za-z])[XＸ]{2,}(?![A-Za-z])/, what: "占位符 XX", placeholder: true },
  { pattern: /[×✕]{2,}/, what: "占位符 ××", placeholder: true },
  { pattern: /[*＊]{2,}/, what: "占位符 **", placeholder: true },
  { pattern: /某某/, what: "占位符“某某”", placeholder: true },
  { pattern: /下降[（(]增长[)）]|增长[（(]下降[)）]/, what: "模板用语“增长（下降）”" },
  { pattern: /增加[（(]减少[)）]|减少[（(]增加[)）]/, what: "模板用语“增加（减少）”" },
  { pattern: /[（(]\s*此处填写|[（(]\s*请填写|[（(]\s*在此填写/, what: "填写提示", prompt: true },
  // A field's prompt ends with its length limit (…的完成情况(100字以内)); a note that merely names a
  // limit mid-text (…需说明原因(100字以内);2.…) is the form's own instruction, printed with it.
  { pattern: /[（(]\s*(?:限\s*)?\d+\s*字(?:以内|以下)?\s*[)）][\s。.]*$/, what: "字数提示“（N字以内）”", prompt: true },
  { pattern: /(?:^|[^举])例\s*[:：]/, what: "示例“例：”" },
  { pattern: /占\s*[%％]/, what: "未填的百分比“占 %”", slot: true },
  { pattern: /(?:增加|减少|增长|下降)\s*万元/, what: "未填的金额", slot: true },
];

/** What template text a cell or a line holds, and where it starts, or null. */
export function leftoverIn(text: string): { what: string; at: number } | null {
  return firstOf(text, () => true);
}

/** The placeholder standing for a name in the text (XX单位, 本级单位**, 某某), or null. */
export function placeholderIn(text: string): { what: string; at: number } | null {
  return firstOf(text, (l) => l.placeholder === true);
}

/** The text is (or ends with) the template's prompt for a field: the writer never filled the field in. */
export function promptIn(text: string): { what: string; at: number } | null {
  return firstOf(text, (l) => l.prompt === true);
}

function firstOf(text: string, which: (l: (typeof LEFTOVERS)[number]) => boolean): { what: string; at: number } | null {
  for (const l of LEFTOVERS) {
    if (!which(l)) continue;
    const m = l.pattern.exec(text);
    if (m) return { what: l.what, at: m.index };
  }
  return null;
}

/**
 * True when the text has a figure the template left unfilled (`占 %`, `减少 万元`): the figures
 * around it no longer line up with their words, so a reader of the 说明 must not read it.
 */
export function hasUnfilledSlot(text: string): boolean {
  return LEFTOVERS.some((l) => l.slot && l.pattern.test(text));
}

/** The words around a position, so a long paragraph is quoted where the problem is. */
export function quotedAround(text: string, at: number): string {
  const start = Math.max(0, at - 8);
  return start === 0 ? quoted(text) : quoted(`…${text.slice(start)}`);
}

/** A cell or a line of text that may hold template text; `line` for text given beside the workbook. */
export interface TextPlace {
  text: string;
  cell: string;
  line?: number;
}

/**
 * PKG-LEFTOVER on each place that still holds template text, one finding per place. `prompts` on a
 * sheet that is no package table: there the other template text belongs to the form's own rules
 * (IND-PLACEHOLDER, TABLE-PLACEHOLDER, the placeholder in an indicator's name), but a field still
 * holding its prompt (…的完成情况(100字以内)) was never filled in, whatever the form.
 */
export function reportLeftovers(report: Reporter, places: Iterable<TextPlace>, only: "all" | "prompts" = "all"): void {
  for (const place of places) {
    const found = only === "prompts" ? promptIn(place.text) : leftoverIn(place.text);
    if (!found) continue;
    report.add({
      rule: "PKG-LEFTOVER",
      cell: place.cell,
      line: place.line,
      anchor: `leftover|${place.cell}`,
      message:
        only === "prompts"
          ? `${quoted(place.text, 24)} 仍是表样的填写提示，这一栏没有填写，请改为实际内容后再提交或公开`
          : `${quotedAround(place.text, found.at)} 中留有模板内容（${found.what}），发布前请改为本单位的实际内容`,
    });
  }
}

/** The text cells of a sheet, as places template text may be left in; `prompts` keeps only those that may hold a prompt. */
export function textPlaces(view: SheetView, only: "all" | "prompts" = "all"): TextPlace[] {
  const keep = only === "prompts" ? mayHoldPrompt : (t: string) => t.trim() !== "";
  return [...view.textCells(keep)].map((c) => ({ text: c.text, cell: view.address(c.row, c.col) }));
}

/** Every prompt opens a bracket: the cheap test that spares nearly every cell the patterns. */
function mayHoldPrompt(text: string): boolean {
  return BRACKET.test(text);
}

const BRACKET = /[(（]/;
