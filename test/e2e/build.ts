import fs from "fs";
import path from "path";
import webpack, { Configuration } from "webpack";

const ROOT = path.resolve(__dirname, "../..");

function compile(config: Configuration | Configuration[]): Promise<void> {
  const configs = Array.isArray(config) ? config : [config];
  return new Promise((resolve, reject) => {
    webpack(configs, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds dist/ with the project's webpack config unless it is newer than every source file. */
export async function ensureDist(): Promise<string> {
  const dist = path.join(ROOT, "dist");
  // The add-in's pages, and the single-file page built after them by a second config.
  const pages = ["taskpane.html", "check-standalone.html"].map((p) => path.join(dist, p));
  const config = ["webpack.config.js", "scripts/webpack-standalone.js"].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs);
  const sources = Math.max(newestMtime(path.join(ROOT, "src")), ...config);
  if (pages.some((page) => !fs.existsSync(page) || fs.statSync(page).mtimeMs < sources)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (
      env: object,
      argv: object,
    ) => Configuration | Configuration[];
    const made = makeConfig({}, { mode: "production" });
    await compile((Array.isArray(made) ? made : [made]).map((c) => ({ ...c, context: ROOT })));
  }
  return dist;
}

/** Bundles the office.js stand-in into a single classic script and returns its text. */
export async function buildOfficeStub(outDir: string): Promise<string> {
  await compile({
    mode: "development",
    devtool: false,
    context: ROOT,
    target: "web",
    entry: path.join(__dirname, "office-stub.ts"),
    output: { path: outDir, filename: "office-stub.js", iife: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", noEmit: false } } },
        },
      ],
    },
  });
  return fs.readFileSync(path.join(outDir, "office-stub.js"), "utf8");
}
