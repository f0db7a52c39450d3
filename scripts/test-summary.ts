import { readFile } from 'node:fs/promises';

// Adds the unit and browser runs' JSON reports into one closing line for CI logs.
const files = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  const json: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (typeof json !== 'object' || json === null) throw new Error(`${file}: not a Vitest JSON report`);
  const count = (key: string) => {
    const value: unknown = Reflect.get(json, key);
    if (typeof value !== 'number') throw new Error(`${file}: ${key}: expected a number`);
    return value;
  };
  passed += count('numPassedTests');
  failed += count('numFailedTests');
  skipped += count('numPendingTests') + count('numTodoTests');
}
process.stdout.write(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exitCode = failed > 0 ? 1 : 0;
