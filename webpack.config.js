/*
 * Builds the add-in's pages into dist/: the task pane, the ribbon commands page, the results dialog,
 * and check.html, the same checker for a plain browser (no Office).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { DefinePlugin, optimize } = require("webpack");
const { InlineStandalonePlugin } = require("./scripts/webpack-standalone");

const DEV_URL = "https://localhost:3000/";

const pages = [
  { name: "taskpane", entry: "./src/taskpane/index.tsx", template: "./src/taskpane/taskpane.html" },
  { name: "commands", entry: "./src/commands/commands.ts", template: "./src/commands/commands.html" },
  { name: "dialog", entry: "./src/commands/dialog.ts", template: "./src/commands/dialog.html" },
  { name: "check", entry: "./src/web/index.tsx", template: "./src/web/check.html" },
];

/**
 * Office only loads add-ins over https. `npx office-addin-dev-certs install` puts a trusted
 * localhost certificate in ~/.office-addin-dev-certs; without it we serve plain http, which is
 * enough for a browser but not for Excel.
 */
function devServer() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { cert: "localhost.crt", key: "localhost.key", ca: "ca.crt" };
  const present = Object.values(files).every((f) => fs.existsSync(path.join(dir, f)));
  const read = (f) => fs.readFileSync(path.join(dir, f));
  if (!present) {
    console.warn(
      `\n[预算表检查] 未找到开发证书（${dir}），开发服务器以 http 运行，Excel 无法加载。` +
        "\n请先运行 `npx office-addin-dev-certs install` 再启动。\n",
    );
  }
  return {
    port: 3000,
    headers: { "Access-Control-Allow-Origin": "*" },
    server: present
      ? { type: "https", options: { cert: read(files.cert), key: read(files.key), ca: read(files.ca) } }
      : { type: "http" },
    client: { overlay: { warnings: false } },
  };
}

const resolve = {
  extensions: [".tsx", ".ts", ".js"],
  // exceljs resolves to its prebuilt browser bundle; nothing the pane ships needs Node built-ins.
  fallback: { fs: false, path: false, os: false, crypto: false, stream: false },
};

function typescript(production) {
  return {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: {
            transpileOnly: true,
            // ES modules let webpack tree-shake Fluent and split the dynamic import of exceljs.
            compilerOptions: { module: "esnext", noEmit: false, sourceMap: !production },
          },
        },
      },
    ],
  };
}

/**
 * dist/check-standalone.html: check.html with its script and its worker inlined, one chunk each, to
 * open from the disk. Built after the add-in (whose `clean` would otherwise remove it).
 */
function standalone() {
  return {
    name: "standalone",
    dependencies: ["addin"],
    mode: "production",
    devtool: false,
    entry: { "standalone-page": "./src/web/index.tsx", "standalone-worker": "./src/web/worker.ts" },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", publicPath: "", clean: false },
    resolve,
    module: typescript(true),
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    plugins: [
      new DefinePlugin({ BUDGET_CHECK_STANDALONE: "true" }),
      // No chunk may be loaded later: there is no server to load it from.
      new optimize.LimitChunkCountPlugin({ maxChunks: 2 }),
      new InlineStandalonePlugin({
        template: "src/web/check.html",
        filename: "check-standalone.html",
        styles: ["src/ui/page.css"],
        page: "standalone-page",
        worker: "standalone-worker",
      }),
    ],
  };
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const addin = addinConfig(env, production);
  // The single file is a release artefact; the dev server and watch builds skip it.
  return production && !env.WEBPACK_SERVE && !env.NO_STANDALONE ? [addin, standalone()] : addin;
};

function addinConfig(env, production) {
  // ADDIN_URL points the copied manifest at the deployed site; the source manifest stays on localhost.
  const addinUrl = process.env.ADDIN_URL ? process.env.ADDIN_URL.replace(/\/?$/, "/") : null;

  return {
    name: "addin",
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: Object.fromEntries(pages.map((p) => [p.name, p.entry])),
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve,
    module: typescript(production),
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // The template writer imports exceljs on demand; keep it out of every page's first load.
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", priority: 30, enforce: true },
        },
      },
    },
    // scripts/bundle-size.js holds the real budget (gzipped initial JS of the task pane).
    performance: { hints: false },
    plugins: [
      new DefinePlugin({ BUDGET_CHECK_STANDALONE: "false" }),
      ...pages.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            template: p.template,
            chunks: [p.name],
            inject: "head",
            scriptLoading: "defer",
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", noErrorOnMissing: true },
          { from: "src/support/support.html", to: "support.html" },
          { from: "src/ui/page.css", to: "page.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            noErrorOnMissing: true,
            transform: (content) => (addinUrl ? content.toString().split(DEV_URL).join(addinUrl) : content),
          },
        ],
      }),
    ],
    devServer: env.WEBPACK_SERVE ? devServer() : undefined,
  };
}
