import JSZip from "jszip";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface RawSheet {
  name: string;
  /** The whole worksheet part; use `worksheet()` for the usual envelope. */
  xml: string;
  state?: "hidden" | "veryHidden";
  chart?: boolean;
}

/** A worksheet part around the given <sheetData> content (and anything that follows it). */
export function worksheet(sheetData: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} ${NS_R}><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/**
 * An .xlsx assembled part by part, the way other writers (Excel, WPS, generators) lay them out, so
 * the reader is tested on markup exceljs never writes.
 */
export async function rawPackage(
  sheets: RawSheet[],
  extra: { sharedStrings?: string; styles?: string; workbookPr?: string; strict?: boolean } = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  const officeDoc = extra.strict
    ? "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
    : `${REL}/officeDocument`;
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${officeDoc}" Target="xl/workbook.xml"/></Relationships>`,
  );
  const rels: string[] = [];
  const entries = sheets.map((s, i) => {
    const kind = s.chart ? "chartsheet" : "worksheet";
    const part = s.chart ? `chartsheets/sheet${i + 1}.xml` : `worksheets/sheet${i + 1}.xml`;
    zip.file(`xl/${part}`, s.xml);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${kind}" Target="${part}"/>`);
    return `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`;
  });
  if (extra.sharedStrings !== undefined) {
    zip.file("xl/sharedStrings.xml", `<?xml version="1.0"?><sst ${NS}>${extra.sharedStrings}</sst>`);
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (extra.styles !== undefined) {
    zip.file("xl/styles.xml", `<?xml version="1.0"?><styleSheet ${NS}>${extra.styles}</styleSheet>`);
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0"?><workbook ${NS} ${NS_R}>${extra.workbookPr ?? ""}<sheets>${entries.join("")}</sheets></workbook>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
