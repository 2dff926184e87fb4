#!/usr/bin/env bash
# The command line (`vpbx-directory`), run through tsx from the project folder.
here=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
exec "$here/node_modules/.bin/tsx" "$here/electron/core/cli/main.ts" "$@"
