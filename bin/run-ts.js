#!/usr/bin/env node
// Runs a TypeScript script (benchmarks, fixture builders) through tsx's require hook.
require("tsx/cjs");
const path = require("path");
const script = process.argv[2];
if (!script) {
  console.error("用法：node bin/run-ts.js 脚本.ts [参数…]");
  process.exit(2);
}
process.argv.splice(1, 1);
require(path.resolve(script));
