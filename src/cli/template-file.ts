import { mkdir, writeFile } from "fs/promises";
import { dirname } from "path";
import { TEMPLATE_CATALOG, TemplateKind } from "../templates/catalog";
import { TemplateOptions } from "../templates/specs";
import { buildTemplateWorkbook } from "../templates/xlsx-writer";

/**
 * Node only (the CLI's `--template`): writes one template, or all of them as one sheet each,
 * to an .xlsx file. Returns the sheet names written, for the CLI's message.
 */
export async function writeTemplateFile(
  kind: TemplateKind | "all",
  outPath: string,
  options: TemplateOptions = {},
): Promise<TemplateKind[]> {
  const kinds = kind === "all" ? TEMPLATE_CATALOG.map((t) => t.kind) : [kind];
  const bytes = await buildTemplateWorkbook(kinds, options);
  await mkdir(dirname(outPath), { recursive: true });
  await writeFile(outPath, bytes);
  return kinds;
}
