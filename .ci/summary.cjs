// The CI summary line from Jest's JSON report, the Jest exit status and the lint exit status:
//   node .ci/summary.cjs <jest-results.json> <jestStatus> <lintStatus>
// Prints skipped tests by name, a lint failure, and `tests: P passed, F failed, S skipped`; exits
// non-zero when anything failed. A lint failure counts as a failure; a suite that crashed before
// running counts as one failure, so nothing can pass silently.
const fs = require('node:fs');
const path = require('node:path');

const [file, jestStatus = '0', lintStatus = '0'] = process.argv.slice(2);
const report = file && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
let passed = 0;
let failed = 0;
let skipped = 0;
if (report) {
  passed = report.numPassedTests;
  failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  for (const suite of report.testResults ?? [])
    for (const test of suite.assertionResults ?? [])
      if (['pending', 'skipped', 'todo', 'disabled'].includes(test.status)) {
        skipped += 1;
        console.log(`skipped: ${test.fullName} (${path.relative(process.cwd(), suite.name)})`);
      }
}
if (jestStatus !== '0' && failed === 0) failed = 1;
if (lintStatus !== '0') {
  console.log('lint (eslint + tsc) failed');
  failed += 1;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
