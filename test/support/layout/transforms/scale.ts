import { figure, isFigure } from "../words";
import { Transform, edit } from "./layout";
import { writeAmount } from "./money";

/**
 * 单位：万元 → 单位：元, every figure of the table times 10,000 exactly (decimal.js). Counters,
 * codes and 栏次 numbers are not amounts and stay; formulas stay, their cached values scaled.
 */
export const scaleToYuan: Transform = {
  name: "scale-yuan",
  title: "万元改为元（金额乘以 10000）",
  apply(input) {
    const unit = input.table.unit;
    if (!unit || !input.grid.text(unit.row, unit.col).includes("万元")) return { skip: "单位不是万元" };
    const l = edit(input);
    const { grid } = l;
    grid.set(unit.row, unit.col, grid.text(unit.row, unit.col).replace("万元", "元"));
    for (const p of l.table.panels)
      for (const r of p.rows)
        for (const c of p.amounts) {
          const cell = grid.at(r, c);
          if (!isFigure(cell.v)) continue;
          const formula = cell.f;
          writeAmount(l, r, c, figure(cell.v)!.times(10000), cell.fmt);
          cell.f = formula;
        }
    return l;
  },
};
