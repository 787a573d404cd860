import { TEMPLATE_CATALOG, TemplateKind } from "../templates/catalog";
import { TemplateOptions } from "../templates/specs";
import { buildTemplateWorkbook } from "../templates/xlsx-writer";

/**
 * The CLI's `--template`: one template, or all of them as one sheet each, written to an .xlsx file
 * by the caller's `write` (the CLI's goes through a temporary file and a rename, so a failure never
 * leaves a truncated file where a good one was). Returns the sheet names written, for its message.
 */
export async function writeTemplateFile(
  kind: TemplateKind | "all",
  outPath: string,
  options: TemplateOptions,
  write: (path: string, bytes: Uint8Array) => Promise<void>,
): Promise<TemplateKind[]> {
  const kinds = kind === "all" ? TEMPLATE_CATALOG.map((t) => t.kind) : [kind];
  await write(outPath, await buildTemplateWorkbook(kinds, options));
  return kinds;
}
