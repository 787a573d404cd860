import { createHash } from "crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from "fs";
import path from "path";

const PROJECT = path.resolve(__dirname, "..", "..", "..");
const PREFIX = "batch-worker-";

/**
 * The batch worker's code as one JavaScript file, so a worker thread starts in about 50 ms
 * instead of 400 (tsx resolving and compiling some 160 modules in every thread): two workers
 * would otherwise spend most of a second of both cores before their first file. Built with
 * esbuild (tsx's own compiler) into node_modules/.cache, and rebuilt whenever a source file or
 * the lockfile changes. Null when it cannot be built or written; the workers then run through tsx.
 */
export function workerBundle(): string | null {
  try {
    const dir = path.join(PROJECT, "node_modules", ".cache", "budget-check");
    const file = path.join(dir, `${PREFIX}${sourcesHash(PROJECT)}.js`);
    if (isFile(file)) return file;
    mkdirSync(dir, { recursive: true });
    // Two runs may build at once: each writes its own file, and the rename is atomic.
    const partial = `${file}.${process.pid}.partial`;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require("esbuild") as typeof import("esbuild");
    esbuild.buildSync({
      entryPoints: [path.join(__dirname, "worker-main.ts")],
      outfile: partial,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      logLevel: "silent",
    });
    renameSync(partial, file);
    // Bundles of older sources go; another run's build in progress (.partial) is left alone.
    for (const old of readdirSync(dir))
      if (old.startsWith(PREFIX) && old.endsWith(".js") && path.join(dir, old) !== file)
        rmSync(path.join(dir, old), { force: true });
    return file;
  } catch {
    return null;
  }
}

/** Bundles of older sources go; another run's build in progress (a .partial file) is left alone. */
export function pruneBundles(dir: string, keep: string): void {
  for (const name of readdirSync(dir))
    if (name.startsWith(PREFIX) && name.endsWith(".js") && path.join(dir, name) !== keep)
      rmSync(path.join(dir, name), { force: true });
}

/** Names and contents of every file under src/, and the lockfile (bundled dependencies change with it). */
export function sourcesHash(project: string): string {
  const hash = createHash("sha256");
  for (const file of [...sourceFiles(path.join(project, "src")), path.join(project, "package-lock.json")]) {
    hash.update(path.relative(project, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
