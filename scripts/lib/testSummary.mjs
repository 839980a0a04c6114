import { existsSync, readFileSync } from 'node:fs';

/** Counts from vitest's JSON report (jest-compatible shape). */
export function vitestCounts(file) {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    failedSuites: report.numFailedTestSuites ?? 0,
  };
}

/** Counts from Playwright's JSON report. */
export function playwrightCounts(file) {
  if (!existsSync(file)) return undefined;
  const stats = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
    failedSuites: 0,
  };
}
