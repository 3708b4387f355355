#!/usr/bin/env bash
# `npm start`: the product with its embedded defaults (chDB, SQLite, a private Redis if none runs)
# and the demo organisation. Installs and builds on first use; rebuilds when sources changed.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm install --no-audit --no-fund
if [ ! -f dist/apps/api/main.js ] || [ ! -f dist/dashboard/index.html ] \
  || [ -n "$(find apps libs -newer dist/apps/api/main.js -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.sql' -o -name '*.css' \) -not -name '*.spec.ts' -print -quit)" ]; then
  echo "building Hubpulse…"
  npm run build --silent
fi

# Demo defaults; every one can be overridden from the environment (see README: Configuration).
# Reachable from this machine only unless HOST says otherwise (HOST=0.0.0.0: every interface).
export HOST="${HOST:-127.0.0.1}"
export HUBPULSE_DEMO="${HUBPULSE_DEMO:-1}"
if [ "$HUBPULSE_DEMO" = 1 ]; then
export HUBPULSE_BOOTSTRAP_ADMIN_EMAIL="${HUBPULSE_BOOTSTRAP_ADMIN_EMAIL:-admin@hubpulse.local}"
export HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD="${HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD:-hubpulse-demo}"
export HUBPULSE_BOOTSTRAP_WRITE_KEY="${HUBPULSE_BOOTSTRAP_WRITE_KEY:-hp_wk_demo_0000000000000000000000}"
fi
exec node --enable-source-maps dist/apps/api/main.js
