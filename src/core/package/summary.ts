import type { PackageInfo } from "./index";
import { TEMPLATE_TITLES } from "./tables";

/**
 * What a package states about itself, said once (issue 20): in the pane's summary, the page's, the
 * command line's report and the batch report's 汇总 row. Empty parts are left out.
 */
export function packageLine(info: PackageInfo): string {
  const parts: string[] = [];
  if (info.kind) parts.push(`${info.kind}公开表 ${info.tables.length} 张`);
  if (info.year !== null) parts.push(`${info.year} 年度`);
  if (info.unit) parts.push(`金额单位：${info.unit}`);
  if (info.org) parts.push(`编制单位：${info.org}`);
  return parts.join("；");
}

/** The 备注 of an incomplete package: the tables it lacks, by their template titles; null when complete. */
export function incompleteNote(info: PackageInfo): string | null {
  if (!info.kind || info.missing.length === 0) return null;
  return `公开表不全，缺少${info.missing.map((t) => `「${TEMPLATE_TITLES[info.kind!][t]}」`).join("")}`;
}
