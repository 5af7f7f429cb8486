#!/usr/bin/env bash
# Started by Playwright: a fresh, migrated and seeded SQLite database, then the
# production build (built by scripts/test.sh, or here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
rm -f .data/e2e.db .data/e2e.db-journal .data/e2e.db-wal .data/e2e.db-shm
node_modules/.bin/tsx --conditions=react-server scripts/db-migrate.ts
node_modules/.bin/tsx --conditions=react-server prisma/seed.ts
node_modules/.bin/tsx --conditions=react-server e2e/seed-e2e.ts
# Playwright starts the simulator first: the demo's apps are checked and its meetings booked.
node_modules/.bin/tsx --conditions=react-server scripts/demo-ready.ts
[ -f .next/BUILD_ID ] || node_modules/.bin/next build
exec node_modules/.bin/next start -H 127.0.0.1 -p "${PORT}"
