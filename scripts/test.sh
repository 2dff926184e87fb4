#!/usr/bin/env bash
# The whole test suite: set-up, lint, type-checks, security scan, unit and integration tests
# (vitest, real keychain), build, end-to-end tests (Playwright on Debian's Chromium, including the
# built Electron bundles run through the stand-in in tests/standin, with their coverage).
# Every step runs even when an earlier one fails; the last line is `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh test || { echo "0 passed, 1 failed"; exit 1; }
export PATH="$PWD/node_modules/.bin:$PATH"
out=test-results
rm -rf "$out" && mkdir -p "$out"
: > "$out/checks.txt"

step() { # step NAME CMD... : a check that counts as one test
  local name=$1; shift
  echo "── $name"
  if "$@"; then echo "pass $name" >> "$out/checks.txt"; else echo "fail $name" >> "$out/checks.txt"; echo "FAILED: $name"; fi
}

step lint eslint --max-warnings 0 .
step format prettier --check --log-level warn .
step typecheck sh -c 'tsc -b && svelte-check --tsconfig renderer/tsconfig.json --fail-on-warnings --output human'
[ -f scripts/security-scan.mjs ] && step security-scan node scripts/security-scan.mjs
step build node scripts/build.mjs
echo "── unit and integration tests (vitest)"
bash scripts/with-keyring.sh vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
echo "── end-to-end tests (Playwright, Chromium: the browser host, and the shipped bundles through the Electron stand-in)"
bash scripts/with-keyring.sh playwright test
# V8 coverage of electron/main and electron/preload under the stand-in, mapped to the sources.
node tests/standin/coverage-report.mjs "$out" > /dev/null
node scripts/summarize-results.mjs "$out"
