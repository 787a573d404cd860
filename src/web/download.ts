/** Offers bytes to the user as a file download; nothing is sent anywhere. */
export function saveBytes(bytes: Uint8Array | string, fileName: string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the object URL by now; revoke it a little later for old browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.12";

/**
 * `预算表.xlsx` → `预算表-已标注.xlsx`. A copy that keeps macros must end in .xlsm (Excel refuses to
 * open macros under .xlsx), whatever the original was called; an .xls's copy is an .xlsx.
 */
export function annotatedName(fileName: string, macroEnabled: boolean, mark = "已标注"): string {
  const m = /^(.*?)(\.(xlsx|xlsm|xls))?$/i.exec(fileName);
  const base = m?.[1] || "工作簿";
  const given = m?.[2];
  const ext = macroEnabled ? (given && /xlsm/i.test(given) ? given : ".xlsm") : given && /xlsx/i.test(given) ? given : ".xlsx";
  return `${base}-${mark}${ext}`;
}

/** `预算表.xlsx` → `预算表-已修复.xlsx`, by the same rules as the annotated copy's name. */
export function fixedName(fileName: string, macroEnabled: boolean): string {
  return annotatedName(fileName, macroEnabled, "已修复");
}
