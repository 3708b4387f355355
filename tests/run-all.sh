#!/usr/bin/env bash
# The whole test suite: unit, integration (chDB, SQLite, PostgreSQL, Redis), end-to-end against the
# production build, and browser tests in headless Chromium. Starts what it needs and builds first.
set -euo pipefail
cd "$(dirname "$0")/.."

# Redis: the tests use the one at 127.0.0.1:6379 (each suite under its own key prefix).
if ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install redis-server)"; exit 1; }
  echo "starting redis-server on 127.0.0.1:6379"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null && break; sleep 0.1; done
fi

# PostgreSQL: database `test` at 127.0.0.1:5432 (HUBPULSE_TEST_POSTGRES_URL overrides).
if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null; then
    echo "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  else
    echo "PostgreSQL is not reachable at 127.0.0.1:5432 and not installed here"; exit 1
  fi
fi

npm run build
npx jest --ci "$@"
