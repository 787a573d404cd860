// ESLint 9 flat config (`npm run lint`). Formatting is Prettier's job (`npm run format:check`), never ESLint's.
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// The Office add-in rules as the plugin's own flat `recommended` config sets them. That config is
// not spread whole: it registers a nested copy of @typescript-eslint (a second plugin under one
// name, which ESLint refuses) and prettier/prettier (formatting is checked by format:check).
const officeRecommended = officeAddins.configs.recommended.find((c) => c.plugins?.["office-addins"]);
const officeRules = Object.fromEntries(
  Object.entries(officeRecommended.rules).filter(([name]) => name.startsWith("office-addins/")),
);

/**
 * The layers of src/, lowest first: a folder imports from its own layer's folder and from lower
 * layers only, never from a sibling or from above (docs/architecture.md, "Layers").
 */
const LAYERS = [["core"], ["xlsx", "templates"], ["excel", "cli"], ["ui"], ["taskpane", "web", "commands"]];
/** The only packages of the folders that must stay pure: core runs everywhere; xlsx and templates also in the page's Web Worker. */
const ONLY_PACKAGES = {
  core: ["decimal.js"],
  xlsx: ["jszip", "pako", "saxes", "decimal.js", "@e965/xlsx"],
  templates: ["exceljs"],
};
const NODE_GLOBALS = ["process", "Buffer", "require", "__dirname", "__filename"];
const OFFICE_GLOBALS = ["Excel", "Office", "OfficeExtension"];
/** Host globals those folders may not touch: bytes and snapshots in, findings and bytes out. */
const NO_GLOBALS = {
  core: [...NODE_GLOBALS, ...OFFICE_GLOBALS, "window", "document", "self", "navigator"],
  xlsx: [...NODE_GLOBALS, ...OFFICE_GLOBALS],
  templates: [...NODE_GLOBALS, ...OFFICE_GLOBALS],
};
const ARROWS = LAYERS.map((l) => (l.length > 1 ? `{${l.join(", ")}}` : l[0])).join(" ← ");

/**
 * One config per folder and nesting depth, since a relative path names another folder only by how
 * far it climbs: from src/core/totals/x.ts, "../../excel/y" is src/excel. Static imports and
 * re-exports go through no-restricted-imports, import() and require() through no-restricted-syntax.
 */
function layering() {
  const configs = [];
  LAYERS.forEach((layer, level) => {
    for (const folder of layer) {
      const above = LAYERS.slice(level)
        .flat()
        .filter((f) => f !== folder);
      const packages = ONLY_PACKAGES[folder];
      for (let depth = 0; depth <= 4; depth++) {
        const up = `(\\.\\./){${depth + 1}}`;
        const upward = `^${up}(${above.join("|")})(/|$)`;
        const message = `src/${folder} may not import from a folder at its level or above it (${ARROWS}).`;
        const patterns = [{ regex: upward, message }];
        if (packages)
          patterns.push({
            regex: `^(?![./]|(${packages.map((p) => p.replace(".", "\\.")).join("|")})$)`,
            message: `src/${folder} may use only relative imports and ${packages.join(", ")}.`,
          });
        // esquery regexes cannot hold a slash: \x2F stands for it.
        const dynamic = `/^(\\.\\.\\x2F){${depth + 1}}(${above.join("|")})(\\x2F|$)/`;
        configs.push({
          files: [`src/${folder}/${"*/".repeat(depth)}*.{ts,tsx}`],
          rules: {
            "no-restricted-imports": ["error", { patterns }],
            ...(NO_GLOBALS[folder] && {
              "no-restricted-globals": [
                "error",
                ...NO_GLOBALS[folder].map((name) => ({ name, message: `src/${folder} runs in every host: no ${name}.` })),
              ],
            }),
            "no-restricted-syntax": [
              "error",
              { selector: `ImportExpression[source.value=${dynamic}]`, message },
              { selector: `CallExpression[callee.name="require"][arguments.0.value=${dynamic}]`, message },
            ],
          },
        });
      }
    }
  });
  return configs;
}

export default tseslint.config(
  { ignores: ["dist/**", "coverage/**", "samples/**", "test/fixtures/**", ".tmp/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        ...globals.node,
        ...globals.browser,
        ...globals.jest,
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
      },
    },
    rules: {
      "no-eval": "error",
      // Chinese display text uses the ideographic space (U+3000) on purpose; elsewhere it is an error.
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true, skipJSXText: true }],
      // `_`-prefixed names are deliberately unused (callbacks with a fixed signature).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Office.js proxies: load before read, sync outside loops, isNullObject. Only code that talks to
    // Office.js; elsewhere (exceljs in the CLI, the fakes in tests) the same property names are plain objects.
    files: ["src/excel/**/*.ts", "src/commands/**/*.ts", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
  {
    // Every file, not a list of React folders: a hook or component added anywhere is covered, and
    // the rules find nothing to say about code that has neither.
    files: ["**/*.{ts,tsx}"],
    ...reactHooks.configs.flat["recommended-latest"],
  },
  ...layering(),
  {
    // Tests build fakes of Office's proxies and untyped fixtures.
    files: ["test/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-this-alias": "off",
      "@typescript-eslint/no-unused-expressions": "off",
    },
  },
  {
    // CommonJS entry points and build scripts.
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
