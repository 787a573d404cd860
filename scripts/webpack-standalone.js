/*
 * check-standalone.html: the browser page as one file that opens straight from the disk (file://).
 * The page's script is inlined; the worker's script rides along as text and is started from a Blob,
 * because Chromium refuses workers loaded from file:// URLs. Used by webpack.config.js.
 */
const fs = require("fs");
const path = require("path");

const NAME = "InlineStandalonePlugin";

/** Nothing inside an inline <script> may close it or open another one. */
function scriptText(js) {
  return js.replace(/<(\/?)script/gi, "\\x3C$1script");
}

class InlineStandalonePlugin {
  /** @param {{ template: string, filename: string, page: string, worker: string, styles: string[] }} options entry names, stylesheets to inline and output file */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    const { template, filename, page, worker, styles } = this.options;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const code = (entry) =>
          [...compilation.entrypoints.get(entry).getFiles()]
            .filter((f) => f.endsWith(".js"))
            .map((f) => compilation.getAsset(f).source.source().toString())
            .join("\n");
        const licenses = compilation
          .getAssets()
          .filter((a) => a.name.endsWith(".LICENSE.txt"))
          .map((a) => a.source.source().toString())
          .join("\n")
          .replace(/--/g, "- -");
        let html = fs.readFileSync(path.resolve(compiler.context, template), "utf8");
        // From the disk there is no 'self' origin to trust: allow this file's inline script and the worker's Blob, nothing remote.
        html = html.replace(
          /<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/,
          `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; form-action 'none'; base-uri 'none'" />`,
        );
        html = html.replace(/\s*<link rel="icon"[^>]*>/, "");
        // The page's stylesheets come along inline: the file must stand alone.
        for (const sheet of styles) {
          const css = fs.readFileSync(path.resolve(compiler.context, sheet), "utf8");
          html = html.replace(`<link rel="stylesheet" href="${path.basename(sheet)}" />`, () => `<style>\n${css}</style>`);
        }
        const inline =
          `<script type="text/plain" id="check-worker-source">${scriptText(code(worker))}</script>\n` +
          `<script>${scriptText(code(page))}</script>\n`;
        // Replacer functions: a replacement string would expand the `$'` and `$&` the bundles contain.
        html = html.replace("</body>", () => `${inline}</body>`);
        if (licenses) html = html.replace(/^<!doctype html>/i, (doctype) => `${doctype}\n<!--\n${licenses}\n-->`);
        for (const asset of compilation.getAssets()) compilation.deleteAsset(asset.name);
        // Already minified script inside; the minimizer must not take the page for JavaScript.
        compilation.emitAsset(filename, new sources.RawSource(html), { minimized: true });
      });
    });
  }
}

module.exports = { InlineStandalonePlugin };
