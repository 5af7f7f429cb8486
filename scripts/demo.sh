#!/usr/bin/env bash
# `npm run demo`: installs, migrates, seeds, builds and starts MeetBridge with its
# embedded defaults (SQLite under .data/, the bundled WeCom simulator, demo data).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# No downloads at install: Prisma's engines postinstall skips its binary when this
# names one (migrations use the wasm engine; see docs/decisions/002).
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/false CHECKPOINT_DISABLE=1
mkdir -p .data

# 1. Dependencies: installed on a fresh clone, reinstalled when the lockfile changed.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi

# 2. Secrets for this machine (.data/demo.env), ports.
# shellcheck source=scripts/demo-env.sh
. scripts/demo-env.sh
export DEMO_EMAIL="${DEMO_EMAIL:-demo@meetbridge.local}" DEMO_PASSWORD="${DEMO_PASSWORD:-meetbridge-demo}"

# 3. Database: migrate and seed (both idempotent).
echo "› migrating the database…"
node_modules/.bin/tsx --conditions=react-server scripts/db-migrate.ts
node_modules/.bin/tsx --conditions=react-server prisma/seed.ts

# 4. Production build, skipped when the sources have not changed since the last one.
stamp="$( (git ls-files -s; git diff; git ls-files --others --exclude-standard) 2>/dev/null | sha1sum | cut -d' ' -f1)"
if [ ! -f .next/BUILD_ID ] || [ "$(cat .data/build-stamp 2>/dev/null)" != "$stamp" ]; then
  echo "› building MeetBridge (next build)…"
  node_modules/.bin/next build
  echo "$stamp" > .data/build-stamp
fi

# 5. The WeCom simulator, stopped with MeetBridge.
node_modules/.bin/tsx lib/wecom/simulator/main.ts &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:${WECOM_SIM_PORT}/__sim/seed" >/dev/null 2>&1 && break
  sleep 0.2
done
# 6. Ready to book: the apps checked against the simulator, a few meetings booked.
node_modules/.bin/tsx --conditions=react-server scripts/demo-ready.ts

cat <<MSG

  MeetBridge     http://127.0.0.1:${PORT}
  Sign in as     ${DEMO_EMAIL}  /  ${DEMO_PASSWORD}
  Other roles    admin@ · booker@ · viewer@meetbridge.local (same password)
  WeCom sim      http://127.0.0.1:${WECOM_SIM_PORT}/__sim/  (what the people you book for see)

MSG
# As WeCom's console does when a callback URL is saved: once MeetBridge answers, the
# simulator checks each callback URL, so the apps show their callbacks verified.
(
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:${PORT}/login" >/dev/null 2>&1 && break
    sleep 0.2
  done
  node_modules/.bin/tsx scripts/demo-verify-callbacks.ts >/dev/null 2>&1 || true
) &
# SIGTERM is MeetBridge's: requests and job steps finish first (lib/observability/shutdown.ts).
NEXT_MANUAL_SIG_HANDLE=true node_modules/.bin/next start -H 127.0.0.1 -p "$PORT"
