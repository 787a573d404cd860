import { gridSheet } from "../src/core/snapshot";
import { checkWorkbook } from "../src/core/check";
const rows = [
  ["基本支出经济分类表"], ["单位：万元"],
  ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
  ["302", "商品和服务支出", 40, null, 40],
  ["30201", "办公费", 25, null, 25],
  ["30211", "差旅费", 15, null, 18],
];
for (const f of checkWorkbook([gridSheet("表", rows)]).findings) console.log(f.rule, f.cell, f.related, f.message, f.id);
