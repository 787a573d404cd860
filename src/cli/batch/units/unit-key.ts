import { toHalfWidth } from "../../../core/amount";

/** Suffixes a list and a file may write or leave off for the same unit. */
const SUFFIX = /(?:本级|机关|本部)$/;
const BRACKETS = /[()（）【】[\]〔〕{}<>《》「」『』]/g;

/**
 * A unit's name as matching compares it: spaces, brackets and the common suffixes (本级, 机关)
 * ignored, full-width letters folded. 「某某县农业农村局（本级）」 and 「某某县农业农村局」 are
 * one key; 「某某县农业农村局」 and 「某某县农业农村局执法大队」 are two.
 */
export function unitKey(name: string): string {
  let key = toHalfWidth(name)
    .replace(/[\s\u00a0]+/g, "")
    .replace(BRACKETS, "")
    .replace(/["'“”‘’]/g, "");
  while (SUFFIX.test(key)) key = key.replace(SUFFIX, "");
  return key;
}

/** What differs between two years' file names of one unit: the year, and a copy's number. */
const FILE_YEAR = /(?:19|20)\d{2}\s*年?度?|[(（]\d{1,2}[)）]$|-?副本$/g;

/**
 * A file name as the pairing of two years compares it: no folder, no extension, no year, then as
 * unitKey. 「某某局2023年部门预算.xlsx」 and 「某某局 2024年部门预算.xls」 are one key.
 */
export function fileNameKey(file: string): string {
  const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.(xlsx|xlsm|xls)$/i, "");
  return unitKey(base.replace(FILE_YEAR, ""));
}
