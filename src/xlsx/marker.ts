import { CONTENT_TYPE, PackageText, REL } from "./package";

/**
 * Every annotated copy carries a custom XML part with this namespace. It is how the tool knows a
 * file it may replace is an earlier copy of its own (never by its name). Excel keeps custom XML
 * parts when the copy is saved again.
 */
export const COPY_MARKER_NAMESPACE = "urn:budget-check:annotated-copy:v1";
const ITEM_ID = "{5A0C1E7B-3D7F-4C1B-9B1E-6B7564676574}";

export async function hasCopyMarker(pkg: PackageText): Promise<boolean> {
  for (const name of pkg.partNames()) {
    if (/^customXml\/item\d+\.xml$/i.test(name) && (await pkg.read(name))?.includes(COPY_MARKER_NAMESPACE)) return true;
  }
  return false;
}

/** Adds the marker part, related from the workbook part (unless the input already carries one). */
export async function addCopyMarker(pkg: PackageText, workbookPart: string): Promise<void> {
  if (await hasCopyMarker(pkg)) return;
  const item = pkg.freeName("customXml/item", ".xml");
  const props = item.replace(/item(\d+)\.xml$/, "itemProps$1.xml");
  pkg.write(
    item,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<annotatedCopy xmlns="${COPY_MARKER_NAMESPACE}" tool="budget-check"/>`,
  );
  pkg.write(
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${COPY_MARKER_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  await pkg.addRelationship(item, REL.customXmlProps, props);
  await pkg.addContentType(props, CONTENT_TYPE.customXmlProps);
  await pkg.addContentType(item, CONTENT_TYPE.xml);
  await pkg.addRelationship(workbookPart, REL.customXml, item);
}
