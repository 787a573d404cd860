#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's require hook, so there is no separate build step.
require("tsx/cjs");
require("../src/cli/main.ts").main();
