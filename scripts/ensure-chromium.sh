#!/usr/bin/env bash
# Story tests and end-to-end tests need Debian's Chromium (a test tool's own
# browser download cannot work on these machines). Install it when missing.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium ontbreekt; installeren met apt-get (chromium fonts-liberation)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null
  exit 0
fi
echo "Chromium not found at $chromium. Install it: sudo apt-get install -y chromium fonts-liberation" >&2
echo "(or set CHROMIUM_PATH to a Chromium binary)" >&2
exit 1
