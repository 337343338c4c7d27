#!/usr/bin/env bash
# Serves the addrcheck web app (release build, with the bundled www/ofac.filter)
# on http://127.0.0.1:${PORT:-8080}/. Installs missing tools first.
# The page installs a service worker (www/sw.js) so that it works offline after
# a first visit; it asks the network first for the page and the list, so a
# rebuild shows on the next reload.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

PORT="${PORT:-8080}"
if [ ! -f www/ofac.filter ]; then
  echo "run: www/ofac.filter is missing (the page would only say that checking is unavailable)." >&2
  echo "run: build it with: bash scripts/build-bundled-filter.sh" >&2
  exit 1
fi

echo "run: serving on http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
exec trunk serve --release --address 127.0.0.1 --port "$PORT" --disable-address-lookup
