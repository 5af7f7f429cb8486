#!/usr/bin/env bash
# Started by Playwright: a fresh, migrated and seeded SQLite database, then the
# production build (built by scripts/test.sh, or here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
rm -f .data/e2e.db .data/e2e.db-journal .data/e2e.db-wal .data/e2e.db-shm
# Everything this server and its setup write goes to a log file too, which each e2e test
# searches for the seeded secrets (e2e/fixtures.ts), as it searches the responses.
mkdir -p .data
: > .data/e2e-server.log
exec > >(tee -a .data/e2e-server.log) 2>&1
node_modules/.bin/tsx --conditions=react-server scripts/db-migrate.ts
node_modules/.bin/tsx --conditions=react-server prisma/seed.ts
node_modules/.bin/tsx --conditions=react-server e2e/seed-e2e.ts
# Playwright starts the simulator first: the demo's apps are checked and its meetings booked.
node_modules/.bin/tsx --conditions=react-server scripts/demo-ready.ts
[ -f .next/BUILD_ID ] || node_modules/.bin/next build
# SIGTERM is MeetBridge's: requests and job steps finish first (lib/observability/shutdown.ts).
export NEXT_MANUAL_SIG_HANDLE=true
exec node_modules/.bin/next start -H 127.0.0.1 -p "${PORT}"
