#!/usr/bin/env bash
# `npm run dev`: the development server (hot reload) with the WeCom simulator, on the
# demo database and with the demo's secrets, so it can follow or precede `npm run demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PRISMA_SCHEMA_ENGINE_BINARY=/bin/false CHECKPOINT_DISABLE=1
# shellcheck source=scripts/demo-env.sh
. scripts/demo-env.sh
node_modules/.bin/tsx --conditions=react-server scripts/db-migrate.ts
node_modules/.bin/tsx --conditions=react-server prisma/seed.ts
node_modules/.bin/tsx lib/wecom/simulator/main.ts &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null || true' EXIT INT TERM
node_modules/.bin/next dev -H 127.0.0.1 -p "$PORT"
