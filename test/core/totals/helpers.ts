import { checkWorkbook } from "../../../src/core/check";
import { Finding } from "../../../src/core/finding";
import { LiteralCell, SheetSnapshot } from "../../../src/core/snapshot";
import { AmountMode, Seed001Table, SeedOptions, seed001Sheet, seed001Workbook } from "./seed001-grids";

/**
 * The totals rules' findings. The seed-001 workbook here holds the seven tables the sums read, not
 * the two fund tables, so as a package it is incomplete: the package rules (PKG-*) have their own
 * tests (test/core/package) and are left out here.
 */
export function check(snapshots: SheetSnapshot[], tolerance?: string): Finding[] {
  return checkWorkbook(snapshots, tolerance ? { tolerance } : {}).findings.filter((f) => !f.rule.startsWith("PKG-"));
}

/** Findings of one planted seed-001 table, checked alone. */
export function checkSeed(table: Seed001Table, options: SeedOptions = {}): Finding[] {
  return check([seed001Sheet(table, options)]);
}

/** The whole seed-001 workbook with one table replaced. */
export function checkSeedWorkbook(table: Seed001Table, options: SeedOptions = {}, mode: AmountMode = "number"): Finding[] {
  const wb = seed001Workbook(mode).map((s) => (s.name === table ? seed001Sheet(table, { mode, ...options }) : s));
  return check(wb);
}

export function serious(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity !== "info");
}

export function at(findings: Finding[], cell: string, rule?: string): Finding[] {
  return findings.filter((f) => f.cell === cell && (!rule || f.rule === rule));
}

/** Data row n of a seed-001 table (its 序号) as an A1 row number. */
export function seedRow(n: number): number {
  return n + 5;
}

export type Grid = LiteralCell[][];

/** A copy of the grid with one cell replaced, so each test plants its defect in a clean base. */
export function edit(rows: Grid, row: number, col: number, value: LiteralCell): Grid {
  const copy = rows.map((r) => r.slice());
  copy[row][col] = value;
  return copy;
}
