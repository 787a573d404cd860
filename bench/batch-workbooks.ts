import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "fs";
import path from "path";
import { buildBudget001, withTotalFormulas } from "../scripts/fixtures/budget-001";
import { cellValue, cloneSpec, SheetSpec, writeWorkbook } from "../scripts/fixtures/grid";
import { layoutBlocks, parseBlocks001 } from "../scripts/fixtures/indicators-001";
import { plantedBudgets } from "../scripts/fixtures/planted";
import { readSeed } from "../scripts/fixtures/seed-text";

/**
 * 200 department workbooks as a 财政局 receives them: the nine 部门预算 tables of seed 001 (values
 * or SUM formulas, alternately) and a 绩效目标表 of 20 of its projects, under invented unit names,
 * in one folder per 主管部门. Every fourth carries one planted defect, beside seed 001's real ones.
 */
export const BATCH_FILES = 200;
const PER_FOLDER = 10;
const PROJECTS = 20;
const VERSION = "v1";
const KINDS = [
  "卫生健康局",
  "教育局",
  "民政局",
  "文化旅游局",
  "农业农村局",
  "自然资源局",
  "人力资源和社会保障局",
  "住房和城乡建设局",
  "交通运输局",
  "水务局",
];

export function batchFolder(root: string): string {
  return path.join(root, `batch-${VERSION}`);
}

/** Writes the workbooks unless an earlier run left them complete; returns the folder. */
export async function ensureBatchWorkbooks(root: string): Promise<string> {
  const dir = batchFolder(root);
  const stamp = path.join(dir, ".complete");
  if (existsSync(stamp)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const seed = readSeed("001");
  const plain = buildBudget001(seed);
  const formulas = withTotalFormulas(plain);
  const planted = plantedBudgets(plain, formulas);
  const blocks = parseBlocks001(seed);
  const originalName = cellValue(plain[0].rows[1][0]);
  for (let i = 0; i < BATCH_FILES; i++) {
    const folder = path.join(
      dir,
      `${String(Math.floor(i / PER_FOLDER) + 1).padStart(2, "0")}-${KINDS[Math.floor(i / PER_FOLDER) % KINDS.length]}系统`,
    );
    mkdirSync(folder, { recursive: true });
    const unit = `${400 + i}示范区${KINDS[i % KINDS.length]}第${i + 1}单位`;
    const base = i % 4 === 0 ? planted[(i / 4) % planted.length].sheets : i % 2 === 0 ? formulas : plain;
    const tables = base.map((s) => renameUnit(s, originalName, unit));
    const projects = Array.from({ length: PROJECTS }, (_, k) => blocks[(i * 7 + k) % blocks.length]);
    const indicators = layoutBlocks("绩效目标表", projects).spec;
    await writeWorkbook(path.join(folder, `${String(i + 1).padStart(3, "0")}-${unit}.xlsx`), [...tables, indicators]);
  }
  writeFileSync(stamp, new Date().toISOString());
  return dir;
}

function renameUnit(sheet: SheetSpec, from: unknown, to: string): SheetSpec {
  const copy = cloneSpec(sheet);
  const row = copy.rows[1];
  if (row && cellValue(row[0]) === from) row[0] = to;
  return copy;
}

export function countWorkbooks(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && entry.name.endsWith(".xlsx")) n++;
  return n;
}
