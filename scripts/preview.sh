#!/usr/bin/env bash
# `npm run preview`: the app in a browser, on the real core (demo PBX or a configured profile).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh run
[ -f dist/renderer-browser/index.html ] && [ -z "$(find renderer electron/core/shared -newer dist/renderer-browser/index.html -type f -print -quit)" ] \
  || node scripts/build.mjs renderer-browser
args=()
open=0
for a in "$@"; do
  if [ "$a" = --open ]; then open=1; else args+=("$a"); fi
done
[ ${#args[@]} -eq 0 ] && args=(--demo-if-empty)
if [ $open = 1 ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  export VPBX_OPEN_BROWSER=1
fi
exec node_modules/.bin/tsx electron/core/browser-host/cli.ts "${args[@]}"
