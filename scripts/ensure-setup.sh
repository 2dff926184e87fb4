#!/usr/bin/env bash
# Checks, and installs where it can, what the app (`run`) or the test suite (`test`) needs on a
# Debian/Ubuntu machine: Debian packages, then node_modules matching package-lock.json.
# Costs a few milliseconds when everything is present.
set -euo pipefail
mode=${1:-run}
cd "$(dirname "$0")/.."

# libsecret-1-dev: keytar compiles against it; the rest serve the tests (keychain on a private
# D-Bus, sox/espeak-ng for audio references, Debian's Chromium for Playwright, a CJK font so
# screenshots show the Chinese, Japanese and Korean names of the demo data).
pkgs=(libsecret-1-dev)
[ "$mode" = test ] && pkgs+=(gnome-keyring dbus sox espeak-ng chromium fonts-wqy-zenhei)

if command -v dpkg-query >/dev/null 2>&1; then
  installed=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${pkgs[@]}" 2>/dev/null | awk '$2 ~ /^ii/ {print $1}' || true)
  missing=()
  for p in "${pkgs[@]}"; do grep -qx "$p" <<<"$installed" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "setup: installing Debian packages: ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "setup: these Debian packages are missing: ${missing[*]}" >&2
      echo "setup: install them with:" >&2
      echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
      echo "setup: then run this command again." >&2
      exit 1
    fi
  fi
else
  echo "setup: not a Debian-based system; make sure these are installed: ${pkgs[*]}" >&2
fi

# node_modules must match the lockfile: compare its hash with the one stamped at the last install.
stamp=node_modules/.lock-stamp
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing npm packages from package-lock.json (npm ci)"
  # The Electron and Playwright browser downloads cannot work on machines without internet
  # access beyond the npm registry; Debian's Chromium serves the tests instead.
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
