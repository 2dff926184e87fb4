#!/usr/bin/env bash
# `npm run bench [-- NAME…] [-- --update-docs]`: every benchmark, figures printed and saved.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh test
[ -f dist/renderer-browser/index.html ] || node scripts/build.mjs renderer-browser
exec node_modules/.bin/tsx tests/bench/run.ts "$@"
