import { Decimal, MoneyUnit, convertUnit } from "../amount";
import { signedDifference } from "../excerpt";
import { Reporter } from "../reporter";
import { SheetView } from "../snapshot";
import { cellStyle, displayAmount } from "../totals/display";
import { readEconomicLines } from "./economic";
import { SANGONG_PARTS, SangongItem, Series, figureOf, mainSeries, readSangong } from "./sangong";

/** A sheet the rules read, with its unit (stated or assumed) and the rounding band in that unit. */
export interface UnitSheet {
  view: SheetView;
  unit: MoneyUnit;
  band: Decimal;
  findings: Reporter;
}

const ITEM_NAME: Record<SangongItem, string> = {
  合计: "“三公”经费合计",
  因公出国: "因公出国（境）费",
  公务用车: "公务用车购置及运行维护费",
  公务用车购置: "公务用车购置费",
  公务用车运行: "公务用车运行维护费",
  公务接待: "公务接待费",
};

const show = (view: SheetView, at: { row: number; col: number }, value: Decimal) =>
  displayAmount(value, cellStyle(view, at.row, at.col));

/**
 * XT-SANGONG-ECON: a 基本支出 经济分类 line (30212, 30217, 30231, 31013) is a part of the 三公
 * table's item, which counts 基本 and 项目 spending alike, so it can never be more. The finding goes
 * on the 基本支出表's line.
 */
export function checkSangongEconomic(sangong: UnitSheet, basic: UnitSheet, options: { final: boolean; year: number | null }) {
  const series = readSangong(sangong.view);
  const main = series && mainSeries(series, { ...options, general: true });
  if (!main) return;
  for (const line of readEconomicLines(basic.view)) {
    const limitHere = figureOf(sangong.view, main, line.item);
    if (limitHere === null) continue;
    const limit = convertUnit(limitHere, sangong.unit, basic.unit);
    const over = line.value.minus(limit);
    if (over.lte(basic.band)) continue;
    const at = { row: line.row, col: line.col };
    const fmt = (v: Decimal) => show(basic.view, at, v);
    basic.findings.add({
      rule: "XT-SANGONG-ECON",
      cell: basic.view.address(line.row, line.col),
      anchor: `econ|${line.code}`,
      related: [`'${sangong.view.name}'!${sangong.view.address(main.cells.get(line.item)!.row, main.cells.get(line.item)!.col)}`],
      expected: limit,
      actual: line.value,
      unit: basic.unit,
      message:
        `基本支出 ${line.code} ${line.title} ${fmt(line.value)} 超过“三公”经费表中的${ITEM_NAME[line.item]} ${fmt(limit)}，` +
        `相差 ${signedDifference(over, fmt)}（${basic.unit}）：基本支出中的这部分只是三公经费的一部分，不应更多`,
    });
  }
}

/** Whether a sheet's cell already carries a warning or error (a culprit the identities located). */
export type Flagged = (sheet: string, a1: string) => boolean;

/**
 * XT-SANGONG-ZERO: in each column (or row) of 三公 figures, a 合计 of 0 beside an item that is not,
 * or a 合计 that is not 0 while every item is 0 or blank (an item left out, as in a total typed by hand).
 * A 合计 of 0 whose every non-zero item is already reported as a wrong figure is not: the items'
 * findings tell that story (issue 16: a total off only because of a culprit is not reported).
 */
export function checkSangongZero(sangong: UnitSheet, flagged: Flagged = () => false): void {
  const series = readSangong(sangong.view) ?? [];
  for (const s of series) {
    const totalAt = s.cells.get("合计");
    const total = figureOf(sangong.view, s, "合计");
    if (!totalAt || total === null) continue;
    const items: SangongItem[] = ["因公出国", "公务用车", "公务用车购置", "公务用车运行", "公务接待"];
    const parts = items
      .map((item) => ({ item, value: figureOf(sangong.view, s, item) }))
      .filter((p): p is { item: SangongItem; value: Decimal } => p.value !== null);
    if (parts.filter((p) => SANGONG_PARTS.includes(p.item)).length < 2) continue;
    const fmt = (v: Decimal) => show(sangong.view, totalAt, v);
    const nonZero = parts.filter((p) => !p.value.isZero());
    const where = { cell: sangong.view.address(totalAt.row, totalAt.col), anchor: `zero|${s.header}` };
    const reported = (p: { item: SangongItem }) => {
      const at = s.cells.get(p.item)!;
      return flagged(sangong.view.name, sangong.view.address(at.row, at.col));
    };
    if (total.isZero() && nonZero.length > 0) {
      if (nonZero.every(reported)) continue;
      const p = nonZero[0];
      sangong.findings.add({
        rule: "XT-SANGONG-ZERO",
        ...where,
        message: `“三公”经费合计为 0（或空白），而其中${ITEM_NAME[p.item]}为 ${fmt(p.value)}（${sangong.unit}）：合计漏填，或该项填错了地方`,
      });
    } else if (!total.isZero() && nonZero.length === 0) {
      sangong.findings.add({
        rule: "XT-SANGONG-ZERO",
        ...where,
        message: `“三公”经费合计为 ${fmt(total)}（${sangong.unit}），而因公出国（境）费、公务用车购置及运行维护费、公务接待费均为 0 或空白：多半漏填了其中一项`,
      });
    }
  }
}

export type { Series };
