#!/usr/bin/env node
// Judges a test run: `verdict.mjs <vitest JSON report> <exit status of npm test>`. Prints the totals
// and exits non-zero when the status is non-zero, the report is missing or unreadable, or the report
// counts a failed test or a failed test file (a file whose setup failed has no failed test, only
// skipped ones, so the file count matters too).
import { readFileSync } from 'node:fs';

const [file, statusArg = '0'] = process.argv.slice(2);
const status = Number(statusArg);

let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`FAILED: no readable test report at ${file} (${error.message})`);
  process.exit(status || 1);
}

const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
const failedFiles = report.numFailedTestSuites ?? 0;
if (report.numFailedTests > 0 || failedFiles > 0 || report.success === false) {
  console.error(`FAILED: ${report.numFailedTests} failed tests in ${failedFiles} failed test files`);
  process.exit(status || 1);
}
if (report.numTotalTests === 0) {
  console.error('FAILED: the report counts no tests at all');
  process.exit(status || 1);
}
process.exit(status);
