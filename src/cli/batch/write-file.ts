import { promises as fs } from "fs";
import path from "path";

/**
 * Writes to a temporary file beside the target, then renames it over: a failure halfway (a full
 * disk, the report open in Excel) leaves any earlier report whole instead of truncated.
 */
export async function writeAtomically(out: string, data: Buffer | string): Promise<void> {
  const target = path.resolve(out);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}
