#!/usr/bin/env bash
# An OA flow's use of the HTTP API, with curl only: book a meeting (people by job number),
# keep WeCom's meetingid, update the meeting by that meetingid (If-Match with its ETag),
# then cancel it (Idempotency-Key, so a retry never cancels twice). Each step shows on
# the simulator's member pages (http://127.0.0.1:3100/__sim/members/zhangwei for the demo).
#
#   MEETBRIDGE_API_KEY=mbk_… bash scripts/api-flow.sh
#
# MEETBRIDGE_URL (default http://127.0.0.1:3000), ADMIN_JOB (E1001, 张伟 in the demo) and
# INVITEE_JOB (E1005, 李华) may be set too. An API key comes from Settings → API.
set -euo pipefail

BASE="${MEETBRIDGE_URL:-http://127.0.0.1:3000}/api/v1"
KEY="${MEETBRIDGE_API_KEY:?set MEETBRIDGE_API_KEY to an API key (Settings → API)}"
ADMIN_JOB="${ADMIN_JOB:-E1001}"
INVITEE_JOB="${INVITEE_JOB:-E1005}"
TAG="$(date +%s)"
HEADERS="$(mktemp)"
trap 'rm -f "$HEADERS"' EXIT

# api METHOD PATH [BODY] [extra curl args…]: the JSON answer on stdout, headers in $HEADERS;
# a problem document (4xx/5xx) is printed and stops the flow.
api() {
  local method="$1" path="$2" body="${3:-}"
  shift 3 || shift $#
  local out status
  out="$(curl -sS -D "$HEADERS" -X "$method" "$BASE$path" \
    -H "Authorization: Bearer $KEY" -H "Accept-Language: zh-CN" \
    ${body:+-H "Content-Type: application/json" --data "$body"} "$@")"
  status="$(sed -n '1s/^HTTP\/[0-9.]* \([0-9]*\).*/\1/p' "$HEADERS")"
  if [ "$status" -ge 400 ]; then
    echo "$method $path → HTTP $status" >&2
    echo "$out" >&2
    exit 1
  fi
  printf '%s' "$out"
}
# field NAME: the first string value of "NAME" in the JSON on stdin.
field() { grep -o "\"$1\":\"[^\"]*\"" | head -n1 | sed 's/^[^:]*:"\(.*\)"$/\1/'; }
header() { grep -i "^$1:" "$HEADERS" | head -n1 | sed 's/^[^:]*: *//' | tr -d '\r'; }

# 1. A bookable app (the flow would keep its id in its configuration).
APP_ID="$(api GET /apps | grep -o '"id":"[^"]*","name":"[^"]*","kind":"[^"]*","bookable":true' \
  | head -n1 | field id)"
[ -n "$APP_ID" ] || { echo "no bookable app" >&2; exit 1; }
START="$(TZ=Asia/Shanghai date -d 'tomorrow 10:00' +%Y-%m-%dT%H:%M)"
LATER="$(TZ=Asia/Shanghai date -d 'tomorrow 15:30' +%Y-%m-%dT%H:%M)"

# 2. Book; the Idempotency-Key makes a retry of this request return the same meeting.
BOOKED="$(api POST /meetings "{\"appId\":\"$APP_ID\",\"adminJobNumber\":\"$ADMIN_JOB\",
  \"title\":\"OA 审批周会 $TAG\",\"start\":\"$START\",\"durationMin\":60,
  \"inviteeJobNumbers\":[\"$INVITEE_JOB\"]}" -H "Idempotency-Key: book-$TAG")"
MEETINGID="$(printf '%s' "$BOOKED" | field wecomMeetingId)"
echo "booked:    WeCom meetingid $MEETINGID, code $(printf '%s' "$BOOKED" | field meetingCode), start $START"

# 3. Later the flow knows only the meetingid: read the version, update with If-Match.
api GET "/meetings/wecom:$MEETINGID" >/dev/null
ETAG="$(header etag)"
UPDATED="$(api PATCH "/meetings/wecom:$MEETINGID" \
  "{\"title\":\"OA 审批周会 $TAG（改期）\",\"start\":\"$LATER\",\"durationMin\":90}" \
  -H "If-Match: $ETAG")"
echo "updated:   $(printf '%s' "$UPDATED" | field title), start $LATER, version $(header etag)"

# 4. Cancel with a reason; sent twice, as a flow retrying after a timeout would.
for attempt in 1 2; do
  CANCELLED="$(api POST "/meetings/wecom:$MEETINGID/cancel" '{"reason":"审批撤回"}' \
    -H "Idempotency-Key: cancel-$TAG")"
  echo "cancel #$attempt: status $(printf '%s' "$CANCELLED" | field status)$(
    [ "$(header idempotent-replayed)" = "true" ] && echo " (the first answer, replayed)")"
done
