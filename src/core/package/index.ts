import { Decimal, MoneyUnit } from "../amount";
import type { StandardTable } from "../classify";
import { Finding } from "../finding";
import { Reporter } from "../reporter";
import { SheetSnapshot, SheetView } from "../snapshot";
import { reportLeftovers, textPlaces } from "./leftover";
import { majority, statedOrg, statedYear } from "./meta";
import { TableSheet, checkEmptyTables, checkMissingTables, checkOrgs, checkYears } from "./rules";
import { Flagged, checkSangongEconomic, checkSangongZero } from "./sangong-rules";
import { PACKAGE_TABLES, PackageKind, PackageTable, packageTableOf } from "./tables";

export { PACKAGE_TABLES, TEMPLATE_TITLES } from "./tables";
export { incompleteNote, packageLine } from "./summary";
export type { PackageKind, PackageTable } from "./tables";

/** A workbook is a package when it holds at least this many tables of one kind (issue 20). */
export const PACKAGE_MIN_TABLES = 5;

/** What a workbook's tables state about themselves: shown once in the pane and the batch report. */
export interface PackageInfo {
  /** Set when the workbook is a package: at least five tables of one kind. */
  kind: PackageKind | null;
  /** The year most tables state, the money unit most state, the 编制单位 most name. */
  year: number | null;
  unit: MoneyUnit | null;
  org: string | null;
  /** The package tables found, in sheet order. */
  tables: { sheet: string; table: PackageTable }[];
  /** A package's tables it does not hold; empty for a workbook that is no package. */
  missing: PackageTable[];
}

/** A sheet as the package checks get it: its snapshot, and the unit the sheet check read (or assumed). */
export interface PackageInput {
  snapshot: SheetSnapshot;
  unit?: MoneyUnit;
  /** The check's view of the sheet, when it made one: not built twice. */
  view?: SheetView;
  /** What classifySheet said of the sheet in this check, when it did: not classified twice. */
  classified?: { table?: StandardTable };
}

/**
 * The package rules (PKG-*) and the 三公 against 经济分类 rules (XT-SANGONG-ECON, -ZERO) over the
 * workbook's package tables. Null info when the workbook holds none of them.
 */
export function checkPackage(
  sheets: readonly PackageInput[],
  band: Decimal,
  flagged?: Flagged,
): {
  findings: Finding[];
  info: PackageInfo | null;
  /** The sheets that are package tables, for the 说明 to be compared with. */
  sheets: { view: SheetView; table: PackageTable }[];
  /** The kind most titles name, package or not (a lone 三公 决算表 is 决算). */
  titledKind: PackageKind | null;
} {
  const findings: Finding[] = [];
  const tables: (TableSheet & { unit?: MoneyUnit })[] = [];
  for (const { snapshot, unit, classified, view: given } of sheets) {
    const view = given ?? new SheetView(snapshot);
    const found = packageTableOf(view, classified);
    if (!found || tables.some((t) => t.found.table === found.table)) continue;
    const year = statedYear(view, found.title);
    const org = statedOrg(view, snapshot);
    tables.push({ view, found, year, org, unit, report: new Reporter(snapshot.name, findings) });
  }
  if (tables.length === 0) return { findings, info: null, sheets: [], titledKind: null };

  const kind = packageKind(tables);
  const year = majority(tables.flatMap((t) => (t.year ? [t.year.value] : [])));
  const org = majority(tables.flatMap((t) => (t.org ? [t.org.value] : [])));
  const unit = majority(tables.flatMap((t) => (t.unit ? [t.unit] : [])));
  const have = new Set(tables.map((t) => t.found.table));
  const info: PackageInfo = {
    kind,
    year,
    unit,
    org,
    tables: tables.map((t) => ({ sheet: t.view.name, table: t.found.table })),
    missing: kind ? PACKAGE_TABLES.filter((t) => !have.has(t)) : [],
  };

  const sangong = tables.find((t) => t.found.table === "三公经费支出表");
  const basic = tables.find((t) => t.found.table === "一般公共预算财政拨款基本支出表");
  const unitSheet = (t: TableSheet & { unit?: MoneyUnit }) => ({
    view: t.view,
    unit: t.unit ?? "万元",
    band,
    findings: t.report,
  });
  if (sangong) checkSangongZero(unitSheet(sangong), flagged);
  if (sangong && basic) checkSangongEconomic(unitSheet(sangong), unitSheet(basic), { final: kind === "部门决算", year });

  if (kind) {
    checkMissingTables(kind, tables);
    checkEmptyTables(tables);
    checkYears(year, tables);
    checkOrgs(org, tables);
    for (const t of tables) reportLeftovers(t.report, textPlaces(t.view));
  }
  const titledKind = majority(tables.flatMap((t) => (t.found.kind ? [t.found.kind] : [])));
  return { findings, info, sheets: tables.map((t) => ({ view: t.view, table: t.found.table })), titledKind };
}

/** The kind with at least five tables (a table whose title names neither counts for both); 决算 wins a tie. */
function packageKind(tables: readonly TableSheet[]): PackageKind | null {
  const count = (k: PackageKind) => tables.filter((t) => t.found.kind === k || t.found.kind === null).length;
  const final = count("部门决算");
  const budget = count("部门预算");
  const explicit = tables.some((t) => t.found.kind === "部门决算") ? "部门决算" : "部门预算";
  if (Math.max(final, budget) < PACKAGE_MIN_TABLES) return null;
  if (final === budget) return explicit;
  return final > budget ? "部门决算" : "部门预算";
}
