#!/usr/bin/env bash
# The system programs the test suite drives for real, installed from Debian's packages when missing:
# headless Chromium (the HTML reports are opened in a browser) and LibreOffice Calc (annotated workbooks
# are opened and converted by it). Run by `npm test` (its `pretest`), so the README's test command works
# on a fresh machine. A test never skips because one is missing: if this cannot install them, it fails.
set -euo pipefail

needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v soffice >/dev/null 2>&1 || needed+=(libreoffice-calc-nogui)
[ ${#needed[@]} -eq 0 ] && exit 0

echo "Installing what the tests need from Debian's packages: ${needed[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "Cannot install ${needed[*]}: not root and no sudo. Install them (apt-get install ${needed[*]}) and run the tests again." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
command -v chromium >/dev/null && command -v soffice >/dev/null
