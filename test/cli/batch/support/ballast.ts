/** Bytes of ballast each outcome of ballast-worker.ts carries, where no report shows it (the sheets `--json` lists as skipped). */
export const BALLAST = 3_000_000;
