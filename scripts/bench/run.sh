#!/usr/bin/env bash
# `npm run bench`: every benchmark, with its figures printed (not tests; nothing asserts).
# 1. the WeCom client against the simulator;
# 2. the room picker's availability (50 rooms, WeCom at 100 ms; scripts/bench/rooms.ts);
#    the accounts CSV import (10,000 rows, twice) and verify (1,000 mappings), a batch
#    of 30 and of 500 meetings (preview time, booking time, WeCom calls in flight), and the
#    server time MeetBridge adds to a booking, on SQLite and on PostgreSQL
#    (TEST_DATABASE_URL, default the local server; skipped when it is not reachable), and
#    the periodic sync run by two app instances on one PostgreSQL database;
# 3. a production MeetBridge (npm run start's launcher, one worker per core) on its own SQLite
#    file and simulator (ports 3201/3299):
#    booking in Chromium with 100 ms WeCom latency, 1,000 WeCom callbacks at once, the
#    first-load JavaScript per page, the HTTP API at concurrency 20 (GET and POST
#    /meetings, and the bare meeting/create; again on a single worker, and on PostgreSQL),
#    then the meetings list page with 100,000 meetings (and the same on PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/../.."
export NEXT_TELEMETRY_DISABLED=1 PRISMA_SCHEMA_ENGINE_BINARY=/bin/false CHECKPOINT_DISABLE=1
tsx() { node_modules/.bin/tsx --conditions=react-server "$@"; }
step() { printf '\n━━ %s\n' "$1"; }

step "WeCom client"
tsx scripts/bench/wecom-client.ts

step "OA accounts: CSV import of 10,000 rows (twice), verify of 1,000 mappings (SQLite)"
env -u TEST_DATABASE_URL node_modules/.bin/tsx --conditions=react-server scripts/bench/accounts.ts

step "a batch: 30 rows booked with WeCom at 100 ms; 500 rows previewed and booked, WeCom calls in flight (SQLite)"
env -u TEST_DATABASE_URL node_modules/.bin/tsx --conditions=react-server scripts/bench/batch.ts
step "the room picker: availability of 50 rooms for one day, WeCom at 100 ms"
env -u TEST_DATABASE_URL WECOM_SIM_LATENCY_MS=100 node_modules/.bin/tsx --conditions=react-server scripts/bench/rooms.ts
step "write transactions of one booking (API and form), SQLite"
env -u TEST_DATABASE_URL node_modules/.bin/tsx --conditions=react-server scripts/bench/booking-writes.ts

step "POST /api/v1/meetings in-process at concurrency 20 and one at a time, SQLite"
env -u TEST_DATABASE_URL node_modules/.bin/tsx --conditions=react-server scripts/bench/booking-api-inprocess.ts

step "server time of one booking"
env -u TEST_DATABASE_URL node_modules/.bin/tsx --conditions=react-server scripts/bench/booking-server-time.ts
pg="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
if pg_isready -q -d "$pg" 2>/dev/null; then
  TEST_DATABASE_URL="$pg" tsx scripts/bench/booking-server-time.ts
  step "a batch: 30 and 500 rows (PostgreSQL)"
  TEST_DATABASE_URL="$pg" tsx scripts/bench/batch.ts
  TEST_DATABASE_URL="$pg" tsx scripts/bench/booking-writes.ts
  TEST_DATABASE_URL="$pg" tsx scripts/bench/booking-api-inprocess.ts
  step "OA accounts: CSV import of 10,000 rows (twice), verify of 1,000 mappings (PostgreSQL)"
  TEST_DATABASE_URL="$pg" tsx scripts/bench/accounts.ts
  step "sync with two app instances on one PostgreSQL database"
  TEST_DATABASE_URL="$pg" BENCH_RUN_MS=25000 BENCH_SYNC_INTERVAL=5 tsx scripts/bench/sync-two-instances.ts
else
  echo "PostgreSQL not reachable at $pg: skipped"
fi

step "a production MeetBridge for the browser benchmarks"
export DATABASE_URL=file:./.data/bench.db PORT=3201 WECOM_SIM_PORT=3299
# The bench's apps call its simulator: the one WeCom base besides the official one.
export MEETBRIDGE_WECOM_BASE_URLS="http://127.0.0.1:$WECOM_SIM_PORT/cgi-bin/"
export AUTH_SECRET=bench-only-secret-bench-only-secret-xx
MEETBRIDGE_ENCRYPTION_KEY="$(node -e 'console.log(Buffer.alloc(32, 7).toString("base64"))')"
export MEETBRIDGE_ENCRYPTION_KEY
rm -f .data/bench.db .data/bench.db-journal .data/bench.db-wal .data/bench.db-shm
tsx scripts/db-migrate.ts >/dev/null
tsx prisma/seed.ts >/dev/null
[ -f .next/BUILD_ID ] || node_modules/.bin/next build >/dev/null
node_modules/.bin/tsx lib/wecom/simulator/main.ts >/dev/null 2>&1 &
sim=$!
# Started as production starts it (npm run start: the launcher, lib/server/cluster.ts), with
# one worker per core unless BENCH_WORKERS says otherwise; the API is measured again
# on a single worker below.
workers="${BENCH_WORKERS:-auto}"
start_app() { # port, workers, database URL
  DATABASE_URL="$3" MEETBRIDGE_WORKERS="$2" MEETBRIDGE_JOBS=false NODE_ENV=production \
    node_modules/.bin/tsx scripts/start.ts -H 127.0.0.1 -p "$1" >/dev/null 2>&1 &
}
start_app "$PORT" "$workers" "$DATABASE_URL"
app=$!
trap 'kill "$sim" "$app" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$WECOM_SIM_PORT/__sim/seed" >/dev/null 2>&1 && break; sleep 0.2; done
tsx scripts/demo-ready.ts >/dev/null
for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$PORT/login" >/dev/null 2>&1 && break; sleep 0.2; done

step "booking in Chromium"
BENCH_BASE_URL="http://127.0.0.1:$PORT" BENCH_SIM_URL="http://127.0.0.1:$WECOM_SIM_PORT" tsx scripts/bench/booking-browser.ts

step "1,000 WeCom callbacks at once"
DATABASE_URL="$DATABASE_URL" BENCH_BASE_URL="http://127.0.0.1:$PORT" BENCH_SIM_URL="http://127.0.0.1:$WECOM_SIM_PORT" tsx scripts/bench/callbacks.ts

step "first-load JavaScript"
BENCH_BASE_URL="http://127.0.0.1:$PORT" tsx scripts/bench/first-load-js.ts

step "the HTTP API at concurrency 20 (GET and POST /meetings, against a bare meeting/create), SQLite, MEETBRIDGE_WORKERS=$workers"
BENCH_BASE_URL="http://127.0.0.1:$PORT" BENCH_SIM_URL="http://127.0.0.1:$WECOM_SIM_PORT" tsx scripts/bench/api.ts
step "the same, SQLite, one worker"
start_app 3203 1 "$DATABASE_URL"
one=$!
trap 'kill "$sim" "$app" "$one" 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:3203/login" >/dev/null 2>&1 && break; sleep 0.2; done
BENCH_BASE_URL="http://127.0.0.1:3203" BENCH_SIM_URL="http://127.0.0.1:$WECOM_SIM_PORT" tsx scripts/bench/api.ts
kill "$one" 2>/dev/null || true
wait "$one" 2>/dev/null || true

step "the meetings list with 100,000 meetings (page server time)"
tsx scripts/seed-meetings.ts 100000 | tail -1
BENCH_BASE_URL="http://127.0.0.1:$PORT" BENCH_LABEL="SQLite" tsx scripts/bench/meeting-list-page.ts
if pg_isready -q -d "$pg" 2>/dev/null; then
  pgbench="${pg%/*}/meetbridge_bench_list"
  psql -q -d "$pg" -c "DROP DATABASE IF EXISTS meetbridge_bench_list" -c "CREATE DATABASE meetbridge_bench_list"
  DATABASE_URL="$pgbench" tsx scripts/db-migrate.ts >/dev/null
  DATABASE_URL="$pgbench" tsx prisma/seed.ts >/dev/null
  DATABASE_URL="$pgbench" tsx scripts/seed-meetings.ts 100000 | tail -1
  start_app 3202 "$workers" "$pgbench"
  pgapp=$!
  trap 'kill "$sim" "$app" "$pgapp" 2>/dev/null || true' EXIT
  for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:3202/login" >/dev/null 2>&1 && break; sleep 0.2; done
  BENCH_BASE_URL="http://127.0.0.1:3202" BENCH_LABEL="PostgreSQL" tsx scripts/bench/meeting-list-page.ts
  step "the HTTP API at concurrency 20, PostgreSQL, MEETBRIDGE_WORKERS=$workers"
  DATABASE_URL="$pgbench" PORT=3202 tsx scripts/demo-ready.ts >/dev/null
  DATABASE_URL="$pgbench" BENCH_BASE_URL="http://127.0.0.1:3202" BENCH_SIM_URL="http://127.0.0.1:$WECOM_SIM_PORT" tsx scripts/bench/api.ts
  kill "$pgapp" 2>/dev/null || true
  wait "$pgapp" 2>/dev/null || true # its workers' connections closed before the drop
  psql -q -d "$pg" -c "DROP DATABASE IF EXISTS meetbridge_bench_list" || true
fi
