import { parseA1 } from "../../src/core/address";
import { CellValue, SheetSnapshot, displayText } from "../../src/core/snapshot";

/**
 * A real fixture with a few cells changed (a planted defect), by sheet name; `null` for a sheet
 * drops it. The snapshots must be dense (no collapsed rows), as the seed fixtures are.
 */
export function editSheets(
  sheets: readonly SheetSnapshot[],
  edits: Record<string, Record<string, CellValue> | null>,
): SheetSnapshot[] {
  for (const name of Object.keys(edits)) if (!sheets.some((s) => s.name === name)) throw new Error(`no sheet ${name}`);
  return sheets.flatMap((s) => {
    if (!(s.name in edits)) return [s];
    const cells = edits[s.name];
    if (cells === null) return [];
    if (s.sheetRows || s.sheetCols) throw new Error(`${s.name} is compacted`);
    const copy: SheetSnapshot = {
      ...s,
      values: s.values.map((r) => [...r]),
      texts: s.texts.map((r) => [...r]),
      formulas: s.formulas.map((r) => [...r]),
      numberFormats: s.numberFormats.map((r) => [...r]),
    };
    for (const [a1, value] of Object.entries(cells)) {
      const { row, col } = parseA1(a1)!;
      const r = row - s.origin.row;
      const c = col - s.origin.col;
      while (copy.values.length <= r) {
        copy.values.push([]);
        copy.texts.push([]);
        copy.formulas.push([]);
        copy.numberFormats.push([]);
      }
      for (const grid of [copy.values, copy.texts, copy.formulas, copy.numberFormats] as unknown[][][])
        while (grid[r].length <= c) grid[r].push(grid === copy.values ? null : "");
      copy.values[r][c] = value;
      copy.texts[r][c] = displayText(value, copy.numberFormats[r][c]);
      copy.formulas[r][c] = "";
    }
    return [copy];
  });
}
