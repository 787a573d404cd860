import { CONTENT_TYPE, PackageText, REL } from "./package";

/**
 * Every annotated copy carries a custom XML part with this namespace. It is how the tool knows a
 * file it may replace is an earlier copy of its own (never by its name). Excel keeps custom XML
 * parts when the copy is saved again.
 */
export const COPY_MARKER_NAMESPACE = "urn:budget-check:annotated-copy:v1";
const ITEM_ID = "{5A0C1E7B-3D7F-4C1B-9B1E-6B7564676574}";

export interface CopyMarker {
  /** The custom XML item holding it. */
  part: string;
  /** The sheetId of the 检查结果 sheet the copy got (absent in copies written before it was recorded). */
  resultsSheetId?: number;
}

/** The marker of an earlier copy of ours, or null. */
export async function copyMarker(pkg: PackageText): Promise<CopyMarker | null> {
  for (const name of pkg.partNames()) {
    if (!/^customXml\/item\d+\.xml$/i.test(name)) continue;
    const text = await pkg.read(name);
    if (!text?.includes(COPY_MARKER_NAMESPACE)) continue;
    const id = /\sresultsSheetId\s*=\s*"(\d+)"/.exec(text)?.[1];
    return id === undefined ? { part: name } : { part: name, resultsSheetId: Number(id) };
  }
  return null;
}

export async function hasCopyMarker(pkg: PackageText): Promise<boolean> {
  return (await copyMarker(pkg)) !== null;
}

const markerXml = (resultsSheetId: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<annotatedCopy xmlns="${COPY_MARKER_NAMESPACE}" tool="budget-check" resultsSheetId="${resultsSheetId}"/>`;

/**
 * Marks the package as a copy of ours whose 检查结果 sheet has this sheetId: a new marker part,
 * related from the workbook part, or an earlier copy's marker rewritten.
 */
export async function writeCopyMarker(pkg: PackageText, workbookPart: string, resultsSheetId: number): Promise<void> {
  const earlier = await copyMarker(pkg);
  if (earlier) {
    pkg.write(earlier.part, markerXml(resultsSheetId));
    return;
  }
  const item = pkg.freeName("customXml/item", ".xml");
  const props = item.replace(/item(\d+)\.xml$/, "itemProps$1.xml");
  pkg.write(item, markerXml(resultsSheetId));
  pkg.write(
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${COPY_MARKER_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  await pkg.addRelationship(item, REL.customXmlProps, props);
  await pkg.addContentType(props, CONTENT_TYPE.customXmlProps);
  await pkg.addContentType(item, CONTENT_TYPE.xml);
  await pkg.addRelationship(workbookPart, REL.customXml, item);
}
