#!/usr/bin/env node
// The CLI shares its TypeScript with the plugin (one KPI engine); tsx compiles it on load.
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
