#!/usr/bin/env node
/*
 * `npm run screenshots`: the e2e tests with UPDATE_SCREENSHOTS=1, which rewrite the user guide's
 * pictures in docs/images/. Set here rather than as `VAR=1 jest` in package.json, which only a POSIX
 * shell understands (npm runs scripts with cmd.exe on Windows).
 */
process.env.UPDATE_SCREENSHOTS = "1";
require("jest").run(["test/e2e", ...process.argv.slice(2)]);
