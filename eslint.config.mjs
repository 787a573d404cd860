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
