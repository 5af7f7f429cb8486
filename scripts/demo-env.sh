# Sourced by demo.sh and dev.sh: this machine's demo secrets, made once and kept in
# .data/demo.env (gitignored), so the demo database stays readable across runs.
mkdir -p .data
if [ ! -f .data/demo.env ]; then
  node -e '
    const b = (n) => require("node:crypto").randomBytes(n).toString("base64");
    console.log(`AUTH_SECRET=${b(48)}`);
    console.log(`MEETBRIDGE_ENCRYPTION_KEY=${b(32)}`);
  ' > .data/demo.env
  chmod 600 .data/demo.env
fi
# The demo serves /api/metrics too (a scraper's bearer token; added to older demo.env files).
if ! grep -q '^MEETBRIDGE_METRICS_TOKEN=' .data/demo.env; then
  node -e 'console.log(`MEETBRIDGE_METRICS_TOKEN=${require("node:crypto").randomBytes(24).toString("hex")}`)' >> .data/demo.env
fi
set -a
# shellcheck disable=SC1091
. .data/demo.env
set +a
export PORT="${PORT:-3000}" WECOM_SIM_PORT="${WECOM_SIM_PORT:-3100}"
# The demo's apps call the bundled simulator: the one WeCom base besides the official one.
export MEETBRIDGE_WECOM_BASE_URLS="${MEETBRIDGE_WECOM_BASE_URLS:-http://${WECOM_SIM_HOST:-127.0.0.1}:${WECOM_SIM_PORT}/cgi-bin/}"
export WECOM_SIM_STATE_FILE="${WECOM_SIM_STATE_FILE:-.data/wecom-sim.json}"
