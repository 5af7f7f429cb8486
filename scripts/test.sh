#!/usr/bin/env bash
# `npm test`: the whole suite. Lint, format, typecheck, unit and integration tests on
# SQLite (and the database tests again on PostgreSQL when TEST_DATABASE_URL names a
# server), the production build, and the Playwright suite in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# No downloads at install: Prisma's engines postinstall skips its binary when this
# names one (migrations use the wasm engine; see docs/decisions/002).
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/false CHECKPOINT_DISABLE=1
bin=node_modules/.bin
[ -d node_modules ] || npm ci --no-audit --no-fund

step() { printf '\n━━ %s\n' "$1"; }

# The Playwright suite drives Debian's Chromium (Playwright cannot download its own here).
if ! command -v "${CHROMIUM_PATH:-chromium}" >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    step "installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
  else
    echo "The browser tests need Chromium: sudo apt-get install chromium (or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi

step "derived Prisma schemas are current"
$bin/tsx scripts/db-generate.ts --check
step "lint (eslint)"
$bin/eslint --max-warnings=0 .
step "format (prettier)"
$bin/prettier --check . --log-level warn
step "typecheck (tsc)"
$bin/tsc --noEmit

step "unit and integration tests on SQLite (vitest)"
env -u TEST_DATABASE_URL $bin/vitest run
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "database tests on PostgreSQL (vitest, *.db.test.ts)"
  $bin/vitest run db.test
fi

step "production build (next build)"
# Build-time env validation only; the e2e server gets its own secrets.
AUTH_SECRET=build-only-secret-build-only-secret-xx \
MEETBRIDGE_ENCRYPTION_KEY="$(node -e 'console.log(Buffer.alloc(32, 1).toString("base64"))')" \
  $bin/next build

step "end-to-end tests (playwright, chromium)"
$bin/playwright test
