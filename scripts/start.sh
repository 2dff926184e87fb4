#!/usr/bin/env bash
# `npm start`: set up, build, and launch the desktop app. Where the Electron binary is missing,
# say so plainly and run the same app in the browser host instead (on the embedded demo PBX when
# no PBX profile is configured).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh run
node scripts/build.mjs
if exe=$(node scripts/electron-binary.mjs); then
  exec "$exe" . "$@"
fi
cat >&2 <<'MSG'

  The Electron runtime is not installed, so the desktop window cannot open.
  Why: the Electron binary is downloaded from GitHub when the 'electron' package is installed,
  and this machine cannot reach GitHub (or the download was skipped).
  What to do: on a machine with internet access run
      npx install-electron        (or: rm -rf node_modules/electron && npm install)
  then `npm start` again. Meanwhile the same app runs in your browser:

MSG
exec bash scripts/preview.sh --demo-if-empty --open "$@"
