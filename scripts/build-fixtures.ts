/**
 * Builds the committed .xlsx fixtures and the bundled sample from the real seed texts in
 * ../shared/seeds, and writes test/fixtures/manifest.json listing every defect and its cell.
 * Run: node bin/run-ts.js scripts/build-fixtures.ts
 */
import { existsSync, mkdirSync, writeFileSync } from "fs";
import { join, relative, resolve } from "path";
import { buildBudget001, withTotalFormulas } from "./fixtures/budget-001";
import { AMOUNT_FMT, SheetSpec, a1, cloneSpec, findLabel, writeWorkbook } from "./fixtures/grid";
import { layoutBlocks, parseBlocks001 } from "./fixtures/indicators-001";
import { writeJuesuanFixtures } from "./fixtures/juesuan";
import { layout000, layout003, parseIndicators000, parse003 } from "./fixtures/indicators-other";
import { DefectSpec, EntrySpec, FixtureEntry, plantedBudgets, realIndicatorDefects, sampleIndicators } from "./fixtures/planted";
import { SEEDS_DIR, readSeed } from "./fixtures/seed-text";
import { zipingFixtures } from "./fixtures/ziping";

const ROOT = resolve(__dirname, "..");
const FIXTURES = join(ROOT, "test/fixtures");

async function main(): Promise<void> {
  if (!existsSync(SEEDS_DIR)) {
    console.error(
      `找不到种子文件夹 ${SEEDS_DIR}。生成测试用例需要 ../shared/seeds；已提交的 test/fixtures 与 samples 可直接使用，无需重新生成。`,
    );
    process.exit(1);
  }
  mkdirSync(join(FIXTURES, "planted"), { recursive: true });
  mkdirSync(join(ROOT, "samples"), { recursive: true });
  const entries: FixtureEntry[] = [];
  const write = async (path: string, sheets: SheetSpec[], entry: EntrySpec) => {
    await writeWorkbook(path, sheets);
    const file = relative(ROOT, path).split("\\").join("/");
    entries.push({ ...entry, file, defects: entry.defects.map((d) => ({ file, ...d })) });
    console.log(`已生成 ${file}`);
  };

  const seed001 = readSeed("001");
  const budget = buildBudget001(seed001);
  const formulas = withTotalFormulas(budget);
  await write(join(FIXTURES, "seed001-budget.xlsx"), budget, {
    description: "种子 001 的 9 张部门预算公开表（金额为数值、0.00 格式）；各表互相一致",
    clean: true,
    defects: [],
  });
  await write(join(FIXTURES, "seed001-budget-formulas.xlsx"), formulas, {
    description: "同上，所有合计均为 SUM/加法公式并带缓存值",
    clean: true,
    defects: [],
  });
  for (const v of plantedBudgets(budget, formulas)) {
    await write(join(FIXTURES, "planted", `${v.name}.xlsx`), v.sheets, v.entry);
  }

  const blocks = parseBlocks001(seed001);
  const stacked = layoutBlocks("绩效目标表", blocks);
  await write(join(FIXTURES, "seed001-indicators.xlsx"), [stacked.spec], {
    description: `种子 001 的全部 ${blocks.length} 个项目绩效目标表，按原表样式纵向堆叠；真实问题按 docs/domain.md 列出（另含指标值重复指标名的全部行）`,
    clean: false,
    defects: realIndicatorDefects(stacked.spec, stacked.places),
  });

  await write(join(FIXTURES, "seed000-indicators.xlsx"), [layout000(parseIndicators000(readSeed("000")))], {
    description: "种子 000 的部门整体支出绩效指标（一级/二级/三级/指标值 四列），含多种指标值写法",
    clean: false,
    defects: [],
  });
  await write(join(FIXTURES, "seed003-indicators.xlsx"), [layout003(parse003(readSeed("003")))], {
    description: "种子 003 的两张二级项目绩效目标申报表（产出/*数量 等简称，数量指标下填“基本完成”）",
    clean: false,
    defects: [],
  });

  await writeJuesuanFixtures(FIXTURES, write);
  for (const z of zipingFixtures(readSeed)) await write(join(FIXTURES, z.file), z.sheets, z.entry);

  const sample = buildSample(budget, blocks);
  await write(join(ROOT, "samples/示例预算表.xlsx"), sample.sheets, {
    description: "npm run demo 使用的示例：收支总表与绩效指标，含若干预置问题和种子中的真实问题",
    clean: false,
    defects: sample.defects,
    mayAlsoFind: ["BAL-SPEND-TOTAL", "BAL-BALANCE", "IND-QUAL-IN-QUANT", "IND-VAGUE", "PLAN-END"],
  });

  const manifest = {
    about:
      "由 scripts/build-fixtures.ts 从 ../shared/seeds 生成。clean=true 的文件不应产生错误或警告；defects 列出每个应被发现的问题（real=true 为原始文件中的真实问题）；mayAlsoFind 为可能连带出现的规则。",
    fixtures: entries,
  };
  writeFileSync(join(FIXTURES, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`已写入 test/fixtures/manifest.json（${entries.length} 个文件）`);
}

function buildSample(
  budget: SheetSpec[],
  blocks: ReturnType<typeof parseBlocks001>,
): { sheets: SheetSpec[]; defects: DefectSpec[] } {
  const summary = cloneSpec(budget.find((s) => s.name === "收支总表")!);
  const total = findLabel(summary, "本年支出合计");
  const social = findLabel(summary, "八、社会保障和就业支出");
  summary.rows[total.row][total.col + 1] = { v: 24488.41, fmt: AMOUNT_FMT };
  summary.rows[social.row][social.col + 1] = "1,060.41";
  const ind = sampleIndicators(blocks);
  return {
    sheets: [summary, ind.spec],
    defects: [
      {
        sheet: "收支总表",
        cell: a1(total.row, total.col + 1),
        rule: "BAL-SPEND",
        note: "本年支出合计录为 24488.41，各项之和 24490.91，相差 2.50",
      },
      { sheet: "收支总表", cell: a1(social.row, social.col + 1), rule: "CELL-TEXTNUM", note: "以文本“1,060.41”存储" },
      ...ind.defects,
    ],
  };
}

main().catch((err) => {
  console.error(`生成测试用例失败：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
