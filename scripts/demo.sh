#!/usr/bin/env bash
# `npm run demo`: installs, migrates, seeds, builds and starts MeetBridge with its
# embedded defaults (SQLite under .data/, the bundled WeCom simulator, demo data).
# The production build runs while the database is migrated and seeded and the demo
# meetings are booked (they need no build), so a fresh clone serves sooner.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# No downloads at install: Prisma's engines postinstall skips its binary when this
# names one (migrations use the wasm engine; see docs/decisions/002).
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/false CHECKPOINT_DISABLE=1
mkdir -p .data
t0=$SECONDS
stage() { echo "› [$((SECONDS - t0)) s] $*"; }

# 1. Dependencies: installed on a fresh clone, reinstalled when the lockfile changed.
# Nothing compiles: the SQLite driver (libSQL) comes prebuilt from the npm registry.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  stage "installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund --prefer-offline
fi

# 2. Secrets for this machine (.data/demo.env), ports.
# shellcheck source=scripts/demo-env.sh
. scripts/demo-env.sh
export DEMO_EMAIL="${DEMO_EMAIL:-demo@meetbridge.local}" DEMO_PASSWORD="${DEMO_PASSWORD:-meetbridge-demo}"

# 3. Production build in the background, skipped when the sources have not changed since
# the last one. The demo builds a committed tree that `npm test` type-checks, so its build
# skips Next's TypeScript pass (MEETBRIDGE_BUILD_TYPECHECK=false).
stamp="$( (git ls-files -s; git diff; git ls-files --others --exclude-standard) 2>/dev/null | sha1sum | cut -d' ' -f1)"
build_pid=""
if [ ! -f .next/BUILD_ID ] || [ "$(cat .data/build-stamp 2>/dev/null)" != "$stamp" ]; then
  stage "building MeetBridge (next build) while the database is prepared…"
  rm -f .data/build-stamp
  MEETBRIDGE_BUILD_TYPECHECK=false node_modules/.bin/next build > .data/demo-build.log 2>&1 &
  build_pid=$!
fi

# 4. Database: migrate and seed (both idempotent).
stage "migrating and seeding the database…"
node_modules/.bin/tsx --conditions=react-server scripts/db-migrate.ts
node_modules/.bin/tsx --conditions=react-server prisma/seed.ts

# 5. The WeCom simulator, stopped with MeetBridge (and the build, if it is still going).
node_modules/.bin/tsx lib/wecom/simulator/main.ts &
sim_pid=$!
trap 'kill "$sim_pid" ${build_pid:+"$build_pid"} 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:${WECOM_SIM_PORT}/__sim/seed" >/dev/null 2>&1 && break
  sleep 0.2
done
# 6. Ready to book: the apps checked against the simulator, a few meetings booked.
stage "checking the demo apps and booking the demo meetings…"
node_modules/.bin/tsx --conditions=react-server scripts/demo-ready.ts

if [ -n "$build_pid" ]; then
  stage "waiting for the build…"
  if ! wait "$build_pid"; then
    cat .data/demo-build.log
    echo "next build failed" >&2
    exit 1
  fi
  build_pid=""
  echo "$stamp" > .data/build-stamp
  stage "built"
fi

cat <<MSG

  MeetBridge     http://127.0.0.1:${PORT}
  Sign in as     ${DEMO_EMAIL}  /  ${DEMO_PASSWORD}
  Other roles    admin@ · booker@ · viewer@meetbridge.local (same password)
  WeCom sim      http://127.0.0.1:${WECOM_SIM_PORT}/__sim/  (what the people you book for see)
  Health         http://127.0.0.1:${PORT}/api/health · /api/ready · /api/metrics
                 (metrics: Authorization: Bearer \$MEETBRIDGE_METRICS_TOKEN from .data/demo.env)

MSG
# As WeCom's console does when a callback URL is saved: once MeetBridge answers, the
# simulator checks each callback URL, so the apps show their callbacks verified.
(
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:${PORT}/api/health" >/dev/null 2>&1 && break
    sleep 0.2
  done
  node_modules/.bin/tsx scripts/demo-verify-callbacks.ts >/dev/null 2>&1 || true
) &
# SIGTERM is MeetBridge's: requests and job steps finish first (lib/observability/shutdown.ts).
# The server's log is JSON lines, one per event, each request with its id.
NEXT_MANUAL_SIG_HANDLE=true node_modules/.bin/next start -H 127.0.0.1 -p "$PORT"
