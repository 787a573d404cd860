/** Type checking is done once by `npm run typecheck`; jest only transpiles, which keeps runs fast. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { isolatedModules: true, diagnostics: false }],
  },
  moduleNameMapper: { "\\.(css|png|svg)$": "<rootDir>/test/support/file-stub.js" },
  testTimeout: 60000,
  // Progress lines through the long e2e and LibreOffice files: slow tests as they end, and the files
  // still running after 30 s without a line (test/support/progress-reporter.js).
  reporters: ["default", ["<rootDir>/test/support/progress-reporter.js", { slowSeconds: 10, quietSeconds: 30 }]],
};
