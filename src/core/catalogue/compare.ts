import type { RuleFamily } from "./entry";
import { SANGONG_2023, SANGONG_2024, SPENDING, edit, twoYears } from "./examples";

const MODULE = "src/core/compare/year-on-year.ts";

/** SPENDING without its 221 row: last year's table for the 类 that appears, this year's for the one that goes. */
const SPENDING_WITHOUT_221 = {
  name: SPENDING.name,
  rows: edit(SPENDING.rows.slice(0, 6), { C4: 160, D4: 110, E4: 50 }),
};

/** This year against last year (`--compare`, issue 21): the 决算 software's 「与上年数据核对」. */
export const COMPARE = {
  "YOY-PRIOR": {
    severity: "warning",
    title: "上年数应等于上年报表中的同一项目",
    module: MODULE,
    help: "本表“上年数”（上年预算数、上年决算数）一栏的数，应与上年报送的同一张表中同一项目的本年数完全一致，这里两者不同。请打开上年的报表核对：多半是抄错了上年的数，或上年报表后来调整过而本表没有跟着改。",
    fix: null,
    example: twoYears(
      [{ name: SANGONG_2024.name, rows: edit(SANGONG_2024.rows, { B4: 31, B6: 9 }) }],
      [SANGONG_2023],
      SANGONG_2024.name,
      "B6",
    ),
  },
  "YOY-CHANGE": {
    severity: "info",
    title: "与上年相比变动较大，需在说明中解释",
    module: MODULE,
    help: "这一项目本年的数比上年增加或减少了三成以上（且超过 10 个金额单位），审核时通常要求在编制说明中写明原因。请确认数字无误，并在说明中解释增减原因；说明已解释的，随说明一同检查时不再提示。",
    fix: null,
    example: twoYears(
      [{ name: SANGONG_2024.name, rows: edit(SANGONG_2024.rows, { C4: 51, C7: 40, C8: 33 }) }],
      [SANGONG_2023],
      SANGONG_2024.name,
      "C7",
    ),
  },
  "YOY-NEW": {
    severity: "info",
    title: "新增的类、款级科目，需在说明中解释",
    module: MODULE,
    help: "这一类级或款级支出科目本年有金额，上年的同一张表中却没有。新增科目通常要在编制说明中写明原因。请确认科目编码没有填错，并在说明中解释。",
    fix: null,
    example: twoYears([SPENDING], [SPENDING_WITHOUT_221], SPENDING.name, "C7"),
  },
  "YOY-GONE": {
    severity: "info",
    title: "取消的类、款级科目，需在说明中解释",
    module: MODULE,
    help: "上年的同一张表中有金额的类级或款级科目，本年表中没有了。取消的科目通常要在编制说明中写明原因。请确认不是漏填了这一行，并在说明中解释。",
    fix: null,
    example: twoYears([SPENDING_WITHOUT_221], [SPENDING], SPENDING.name, "A1"),
  },
  "YOY-SAME-FILE": {
    severity: "warning",
    title: "与上年文件数字完全相同，可能重复报送了上年的文件",
    module: MODULE,
    help: "本年各表的数字与所选上年文件完全相同，很可能是把上年的文件又报送了一次，或选错了对比的文件。请确认这是本年度的报表，并确认选的是上年的文件。",
    fix: null,
    example: twoYears([SANGONG_2024], [SANGONG_2024], SANGONG_2024.name, "A1"),
  },
} satisfies RuleFamily;
