import path from "path";
import { WorkbookReadError } from "../../../xlsx/errors";
import { readAnyWorkbookBytes } from "../../read-workbook";
import { loadFileBytes } from "../../xlsx-errors";
import type { FileDigest } from "../digest";
import { csvRows, ListError, listedUnits } from "./expect-list";
import { ExpectResult, ListedUnit, markWords, matchExpected } from "./expect-match";

/**
 * `--expect UNITS.xlsx|UNITS.csv`: the list of units that must report. A workbook's first sheet
 * holding a 单位名称 column is the list. Returns the units, or the sentence saying why not.
 */
export async function loadExpectList(file: string, cwd: string): Promise<ListedUnit[] | string> {
  try {
    const bytes = await loadFileBytes(path.resolve(cwd, file));
    if (/\.csv$/i.test(file)) return listedUnits(csvRows(bytes), file);
    const read = await readAnyWorkbookBytes(bytes, file, { includeHidden: false });
    let first: ListError | null = null;
    for (const s of read.snapshots) {
      try {
        return listedUnits(s.texts, file);
      } catch (e) {
        if (!(e instanceof ListError)) throw e;
        first ??= e;
      }
    }
    throw first ?? new ListError(`单位名单中没有工作表：${file}`);
  } catch (e) {
    if (e instanceof ListError) return e.message;
    if (e instanceof WorkbookReadError) return `单位名单：${e.message.split(path.resolve(cwd, file)).join(file)}`;
    throw e;
  }
}

/** Each file of the batch against the list: by the unit its tables name, its file name, its code. */
export function expectedUnits(list: readonly ListedUnit[], digests: readonly FileDigest[], year?: number): ExpectResult {
  return matchExpected(
    list,
    digests.map((d) => ({ file: d.file, unit: d.unit, year: d.year })),
    year,
  );
}

/** The summary's lines for the list: one count line, then every unit not received and every marked file. */
export function expectLines(result: ExpectResult, files: readonly { file: string }[], listed: number): string[] {
  const count = (pick: (m: ExpectResult["marks"][number]) => boolean) => result.marks.filter(pick).length;
  const lines = [
    `单位名单：应报 ${listed} 个单位，未收到 ${result.missing.length} 个；重复 ${count((m) => m.duplicate)} 个文件，` +
      `年度不符 ${count((m) => m.wrongYear)} 个，名单外 ${count((m) => m.offList)} 个，对应单位不明 ${count((m) => !!m.ambiguous)} 个` +
      (result.year !== null ? `（本批年度 ${result.year}）` : ""),
  ];
  if (result.missing.length) {
    lines.push(`未收到（${result.missing.length} 个单位）：`);
    for (const u of result.missing) lines.push(`  ${u.name}${u.code ? `（${u.code}）` : ""}`);
  }
  const marked = result.marks.flatMap((m, i) => {
    const words = markWords(m);
    return words.length ? [`  ${files[i].file}：${words.join("，")}`] : [];
  });
  if (marked.length) lines.push(`需核对的文件（${marked.length} 个）：`, ...marked);
  return lines;
}
