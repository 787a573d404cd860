/**
 * Sheet names as the checker calls the sheets: their own, except that a name equal to an earlier
 * one (Excel compares names case-insensitively; a hostile workbook.xml may even repeat one) gets
 * its position added, 「表（第3张）」. Findings name their sheet, so two sheets of one name would
 * otherwise get each other's findings and marks. The reader and the patcher both call this.
 */
export function distinctSheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name, i) => {
    let distinct = name;
    while (taken.has(distinct.toLowerCase())) distinct = `${distinct}（第${i + 1}张）`;
    taken.add(distinct.toLowerCase());
    return distinct;
  });
}
