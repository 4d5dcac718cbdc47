#!/usr/bin/env bash
# axe-core for the accessibility scan in tests/workshop/test_browser.py, from npm, pinned by
# package-lock.json. Safe to run again: npm ci reinstalls exactly the locked version.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null; then
  echo "npm mangler: installer Node.js med npm (Debian: apt-get install npm), og kjør på nytt." >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error
test -f node_modules/axe-core/axe.min.js
