import type { TemplateKind } from "./catalog";
import { indicatorSpec } from "./indicator-spec";
import type { TemplateSpec } from "./spec-types";
import { summarySpec } from "./summary-spec";

export interface TemplateOptions {
  /** Project blocks on a 绩效指标 sheet; default 1. */
  blocks?: number;
}

export function templateSpec(kind: TemplateKind, options: TemplateOptions = {}): TemplateSpec {
  return kind === "收支总表" ? summarySpec() : indicatorSpec(options.blocks ?? 1);
}

/**
 * The first name not yet taken, as Excel itself numbers copies: `收支总表`, `收支总表 (2)`, …
 * Sheet names compare case-insensitively in Excel.
 */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base} (${i})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
