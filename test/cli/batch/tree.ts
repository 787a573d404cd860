import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { annotateWorkbookBytes } from "../../../src/xlsx/annotate";
import { tempDir, writeSummaryWorkbook } from "../cli-helpers";

/** An OLE2 container holding an EncryptedPackage stream, as Excel writes a password-protected file. */
export function encryptedBytes(): Buffer {
  const ole = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
  Buffer.from("EncryptedPackage", "utf16le").copy(ole, 600);
  return ole;
}

/**
 * A reviewer's inbox: nested folders, a lock file, two annotated copies (one renamed), a hidden folder, a damaged .xls,
 * an encrypted and a corrupt workbook. `checked` lists what a walk must find, in path order.
 * `skipped` what it names but does not check.
 */
export async function buildInbox(): Promise<{ root: string; checked: string[]; skipped: string[] }> {
  const root = path.join(tempDir(), "收件");
  const at = (rel: string) => {
    const full = path.join(root, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    return full;
  };
  await writeSummaryWorkbook(at("a-卫生局.xlsx"));
  await writeSummaryWorkbook(at("乙/二级/c-宏.xlsm"));
  await writeSummaryWorkbook(at("乙/b-错.xlsx"), 24488.41);
  await writeSummaryWorkbook(at("乙/b-错2.xlsx"), 24480.91);
  copyFileSync(at("乙/b-错.xlsx"), at("乙/b-错-已标注.xlsx"));
  // An annotated copy renamed by the user: known by the marker part the tool writes into it.
  writeFileSync(at("乙/复核用.xlsx"), (await annotateWorkbookBytes(readFileSync(at("乙/b-错.xlsx")), [])).bytes);
  writeFileSync(at("乙/~$b-错.xlsx"), Buffer.alloc(165, 0x20));
  await writeSummaryWorkbook(at(".隐藏/x.xlsx"));
  writeFileSync(at("乙/旧表.xls"), encryptedBytes().subarray(0, 512));
  writeFileSync(at("乙/说明.txt"), "不是工作簿");
  writeFileSync(at("丙/加密.xlsx"), encryptedBytes());
  writeFileSync(at("丙/损坏.xlsx"), readFileSync(at("a-卫生局.xlsx")).subarray(0, 400));
  const checked = [
    "a-卫生局.xlsx",
    "丙/加密.xlsx",
    "丙/损坏.xlsx",
    "乙/b-错.xlsx",
    "乙/b-错2.xlsx",
    "乙/二级/c-宏.xlsm",
    // Renamed, a copy is checked like any workbook: its marker part is easy to forge (issue 18).
    "乙/复核用.xlsx",
    // An .xls is read now (issue 21): this one is a damaged compound file, so it fails alone.
    "乙/旧表.xls",
  ].map((p) => p.split("/").join(path.sep));
  const skipped = ["乙/b-错-已标注.xlsx"].map((p) => p.split("/").join(path.sep));
  return { root, checked, skipped };
}
