#!/usr/bin/env bash
# OpenTelemetry traces end to end: the built `weather-tracker serve` with OTEL_EXPORTER_OTLP_ENDPOINT
# pointing at a small OTLP/HTTP receiver (scripts/otlp_receiver.py: Python with opentelemetry-proto,
# pinned, in a venv), `weather-tracker stub` as upstream and the loopback redis-server of
# scripts/redis-test-server.sh.
#   scripts/otel-e2e.sh            (CI runs it; needs redis-server, curl, python3 with venv)
# A miss and a fast-path hit, each with its own incoming `traceparent` (and a `tracestate`); then
# scripts/otel_e2e_check.py checks the span tree of the miss (server → lookup → Redis GET and lock →
# upstream → Redis SET), the hit's one server span, the parents, the tracestate kept, and the
# trace_id/span_id of each request's JSON log line. Last, the API key is grepped for in every byte
# exported and every log line. Every wait is bounded; only the PIDs started here are stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
OTEL_PROTO_VERSION=1.45.2
VENV="${OTEL_E2E_VENV:-$PWD/.build/otel-e2e-venv}"
scripts/install-deps.sh
command -v curl > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl > /dev/null; }
python3 -c 'import ensurepip, venv' 2> /dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv > /dev/null
}
if ! "$VENV/bin/python" -c \
  "import importlib.metadata as m, sys; sys.exit(m.version('opentelemetry-proto') != '$OTEL_PROTO_VERSION')" \
  2> /dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "opentelemetry-proto==$OTEL_PROTO_VERSION"
fi
E2E_NAME=otel-e2e E2E_REDIS_PREFIX="otel-e2e-$$:"
# shellcheck source=scripts/lib/e2e-harness.sh
source scripts/lib/e2e-harness.sh
KEY="otel-secret-$RANDOM$RANDOM-key"
PREFIX="$E2E_REDIS_PREFIX"

"$VENV/bin/python" scripts/otlp_receiver.py "$WORK/spans.jsonl" "$WORK/exported.bin" > "$WORK/receiver.out" 2>&1 &
PIDS+=($!)
wait_for "$WORK/receiver.out" "^listening " 10
RECEIVER="http://127.0.0.1:$(sed -n 's/^listening //p' "$WORK/receiver.out")"

"$BIN" stub --port 0 --api-key "$KEY" > "$WORK/stub.out" 2> "$WORK/stub.err" &
PIDS+=($!)
wait_for "$WORK/stub.out" "^http://" 10
STUB="$(head -1 "$WORK/stub.out")"

# Spans leave in batches every 200 ms here (OTEL_BSP_SCHEDULE_DELAY; 5 s by default).
OPENWEATHER_API_KEY="$KEY" OPENWEATHER_BASE_URL="$STUB" REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" \
REDIS_KEY_PREFIX="$PREFIX" LOG_FORMAT=json SHUTDOWN_TIMEOUT=5 CLIENT_LIMIT=off \
OTEL_EXPORTER_OTLP_ENDPOINT="$RECEIVER" OTEL_SERVICE_NAME=weather-tracker-e2e OTEL_BSP_SCHEDULE_DELAY=200 \
  "$BIN" serve --host 127.0.0.1 --port 0 > "$WORK/service.log" 2>&1 &
SERVICE=$!
PIDS+=($SERVICE)
wait_for "$WORK/service.log" "listening on http://127.0.0.1:" 20
grep -q '"tracing: on' "$WORK/service.log" || fail "tracing not on: $(head -5 "$WORK/service.log")"
PORT="$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$WORK/service.log" | head -1 | sed 's/.*://')"
BASE="http://127.0.0.1:$PORT"
echo "[otel-e2e] service pid $SERVICE on $BASE, receiver $RECEIVER, stub $STUB, redis :$REDIS_PORT" >&2

MISS_TRACE="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
MISS_PARENT="$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
HIT_TRACE="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
HIT_PARENT="$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
TARGET='/v1/weather/current?city=Bergen&units=metric'
get() {  # target name trace parent
  curl -s -D "$WORK/h.$2" -o "$WORK/b.$2" -w '%{http_code}' -H "traceparent: 00-$3-$4-01" \
    -H 'tracestate: vendor=e2e' "$BASE$1"
}
[ "$(get "$TARGET" miss "$MISS_TRACE" "$MISS_PARENT")" = 200 ] || fail "miss: $(cat "$WORK/b.miss")"
grep -qi '^x-cache: MISS' "$WORK/h.miss" || fail "first lookup not a MISS"
[ "$(get "$TARGET" hit "$HIT_TRACE" "$HIT_PARENT")" = 200 ] || fail "hit"
grep -qi '^x-cache: HIT' "$WORK/h.hit" || fail "second lookup not a HIT"
# A client's own key in a query never reaches a span either (url.query is redacted).
curl -s -o /dev/null "$BASE/v1/weather/current?city=Bergen&appid=$KEY" || true

# Wait (bounded) until both traces have arrived: 7 spans of the miss, 1 of the hit.
for _ in $(seq 1 100); do
  n_miss=$(grep -c "\"trace_id\": \"$MISS_TRACE\"" "$WORK/spans.jsonl" 2>/dev/null || true)
  n_hit=$(grep -c "\"trace_id\": \"$HIT_TRACE\"" "$WORK/spans.jsonl" 2>/dev/null || true)
  [ "${n_miss:-0}" -ge 6 ] && [ "${n_hit:-0}" -ge 1 ] && break
  sleep 0.1
done
sleep 0.5
"$VENV/bin/python" scripts/otel_e2e_check.py "$WORK/spans.jsonl" "$WORK/service.log" \
  "$MISS_TRACE" "$MISS_PARENT" "$HIT_TRACE" "$HIT_PARENT" || fail "span checks (spans: $(cat "$WORK/spans.jsonl"))"
grep -q '"weather-tracker-e2e"' "$WORK/spans.jsonl" || fail "OTEL_SERVICE_NAME not on the spans' resource"

kill -TERM "$SERVICE"
status=0
for _ in $(seq 1 100); do kill -0 "$SERVICE" 2>/dev/null || break; sleep 0.1; done
kill -0 "$SERVICE" 2>/dev/null && fail "still running 10 s after SIGTERM"
wait "$SERVICE" || status=$?
[ "$status" = 0 ] || fail "exit status $status after SIGTERM: $(tail -5 "$WORK/service.log")"

# The API key must appear in no exported byte (spans, attributes, events, resource, headers) and no log line.
[ -s "$WORK/exported.bin" ] || fail "nothing exported"
for f in "$WORK/exported.bin" "$WORK/spans.jsonl" "$WORK/service.log"; do
  if grep -qaF "$KEY" "$f"; then fail "the API key appears in $(basename "$f")"; fi
done
echo "[otel-e2e] the API key appears in none of the $(wc -c < "$WORK/exported.bin") bytes exported ($(wc -l < "$WORK/spans.jsonl") spans) nor the log: ok" >&2
echo "[otel-e2e] passed" >&2
