#!/usr/bin/env bash
# Runs a command with a private D-Bus session and an unlocked gnome-keyring whose files live in
# a temporary home, so tests use a real Secret Service without touching the user's keychain.
set -euo pipefail
KR_HOME=$(mktemp -d)
trap 'rm -rf "$KR_HOME"' EXIT
export HOME=$KR_HOME XDG_DATA_HOME=$KR_HOME/data XDG_CONFIG_HOME=$KR_HOME/config XDG_CACHE_HOME=$KR_HOME/cache XDG_RUNTIME_DIR=$KR_HOME/run
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" && chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY # with a display a locked keyring opens a GUI prompt and hangs
export KEYRING_PW=${KEYRING_PW:-test-keyring-password}
dbus-run-session -- sh -c 'printf %s "$KEYRING_PW" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
