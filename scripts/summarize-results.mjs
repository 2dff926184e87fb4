// Adds up the checks, vitest's and Playwright's JSON reports into the one line CI reads:
// `N passed, N failed` (", N skipped" when any were skipped). Exits non-zero on any failure or
// on a missing report (a runner that crashed counts as a failure, not as zero tests). Prints the
// stand-in's coverage of electron/main and electron/preload before that last line.
import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.argv[2] ?? 'test-results';
let passed = 0;
let failed = 0;
let skipped = 0;
// Named again just before the last line, so that the tail of a CI log says what failed.
const failures = [];

for (const line of readFileSync(join(dir, 'checks.txt'), 'utf8').split('\n').filter(Boolean)) {
  if (line.startsWith('pass ')) passed++;
  else {
    failed++;
    failures.push(`check: ${line.replace(/^fail /, '')}`);
  }
}

const vitestFile = join(dir, 'vitest.json');
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  // a test file that fails to load has no tests but is a failure
  for (const f of v.testResults ?? []) {
    const file = relative(process.cwd(), f.name);
    if (f.status === 'failed' && f.assertionResults.length === 0) {
      failed++;
      failures.push(`vitest: ${file} did not load`);
    }
    for (const a of f.assertionResults ?? []) {
      if (a.status === 'failed') failures.push(`vitest: ${file} › ${a.fullName}`);
    }
  }
} else {
  console.error('summary: vitest wrote no report');
  failed++;
}

const pwFile = join(dir, 'playwright.json');
if (existsSync(pwFile)) {
  const p = JSON.parse(readFileSync(pwFile, 'utf8'));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
  skipped += p.stats.skipped;
  failed += (p.errors ?? []).length;
  for (const e of p.errors ?? []) failures.push(`playwright: ${(e.message ?? '').split('\n')[0]}`);
  collectPlaywright(p.suites ?? [], []);
} else {
  console.error('summary: Playwright wrote no report');
  failed++;
}

// The glue's coverage under the stand-in run (tests/standin/coverage-report.mjs), for information:
// it does not pass or fail anything.
const coverageFile = join(dir, 'standin-coverage.txt');
if (existsSync(coverageFile)) console.log(readFileSync(coverageFile, 'utf8').trimEnd());

for (const f of failures) console.log(`FAILED ${f}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

function collectPlaywright(suites, titles) {
  for (const suite of suites) {
    const here = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'unexpected') {
          failures.push(`playwright: [${test.projectName}] ${[...here, spec.title].join(' › ')}`);
        }
      }
    }
    collectPlaywright(suite.suites ?? [], here);
  }
}
