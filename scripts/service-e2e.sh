#!/usr/bin/env bash
# End to end over sockets: the built `weather-tracker serve`, `weather-tracker stub` as upstream
# (a real API key, so live mode), and the loopback redis-server of scripts/redis-test-server.sh.
#   scripts/service-e2e.sh            (CI runs it; needs redis-server, curl, python3)
# Checks: health and readiness, a miss then a hit with the cache headers, the entry in Redis under
# its prefix, problems, metrics; then SIGTERM under load: every request the service logged as
# answered reached its client complete, nothing is cut short, new connections are refused, and the
# process exits 0 within SHUTDOWN_TIMEOUT. The load is all misses from one address, so it runs with
# CLIENT_LIMIT=off (the per-client limit has its own tests: Tests/WeatherServerTests/Fairness/). Last, the API key is grepped for in every captured log
# line, header, body and Redis key and value: it must appear nowhere. Every wait is bounded; only
# the PIDs started here are stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
command -v curl > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl > /dev/null; }
E2E_NAME=e2e E2E_REDIS_PREFIX="e2e-$$:"
# shellcheck source=scripts/lib/e2e-harness.sh
source scripts/lib/e2e-harness.sh
KEY="e2e-secret-$RANDOM$RANDOM-key"
PREFIX="$E2E_REDIS_PREFIX"

"$BIN" stub --port 0 --api-key "$KEY" > "$WORK/stub.out" 2> "$WORK/stub.err" &
PIDS+=($!)
wait_for "$WORK/stub.out" "^http://" 10
STUB="$(head -1 "$WORK/stub.out")"

OPENWEATHER_API_KEY="$KEY" OPENWEATHER_BASE_URL="$STUB" REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" \
REDIS_KEY_PREFIX="$PREFIX" LOG_FORMAT=json SHUTDOWN_TIMEOUT=5 QUOTA_PER_MINUTE=100000 CLIENT_LIMIT=off \
  "$BIN" serve --host 127.0.0.1 --port 0 > "$WORK/service.log" 2>&1 &
SERVICE=$!
PIDS+=($SERVICE)
wait_for "$WORK/service.log" "listening on http://127.0.0.1:" 20
PORT="$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$WORK/service.log" | head -1 | sed 's/.*://')"
BASE="http://127.0.0.1:$PORT"
echo "[e2e] service pid $SERVICE on $BASE, stub $STUB, redis :$REDIS_PORT prefix $PREFIX" >&2

get() { curl -s -D "$WORK/h.$2" -o "$WORK/b.$2" -w '%{http_code}' "$BASE$1"; cat "$WORK/h.$2" "$WORK/b.$2" >> "$WORK/captured"; }
[ "$(get /health health)" = 200 ] || fail "/health"
grep -q '"mode":"live"' "$WORK/b.health" && grep -q '"cache":"redis"' "$WORK/b.health" || fail "health body: $(cat "$WORK/b.health")"
[ "$(get /ready ready)" = 200 ] || fail "/ready: $(cat "$WORK/b.ready")"
[ "$(get '/v1/weather/current?city=Z%C3%BCrich&units=imperial' miss)" = 200 ] || fail "miss"
grep -qi '^x-cache: MISS' "$WORK/h.miss" || fail "first lookup not a MISS"
[ "$(get '/v1/weather/current?city=Z%C3%BCrich&units=imperial' hit)" = 200 ] || fail "hit"
grep -qi '^x-cache: HIT' "$WORK/h.hit" || fail "second lookup not a HIT"
grep -qi '^etag: "' "$WORK/h.hit" && grep -qi '^cache-control: public, max-age=' "$WORK/h.hit" || fail "cache headers"
[ "$(redis-cli -p "$REDIS_PORT" --scan --pattern "${PREFIX}wt:v2:current:*" | wc -l)" -ge 1 ] || fail "no entry in Redis under $PREFIX"
[ "$(get '/v1/weather/current?city=nowhere' notfound)" = 404 ] || fail "404"
grep -q 'application/problem+json' "$WORK/h.notfound" || fail "404 not a problem document"
[ "$(get '/v1/weather/current?units=kelvin&city=x' bad)" = 400 ] || fail "400"
[ "$(get /metrics metrics)" = 200 ] && grep -q 'weather_redis_up 1' "$WORK/b.metrics" || fail "metrics"
[ "$(get /openapi.json openapi)" = 200 ] || fail "openapi"
echo "[e2e] routes, headers, Redis entry, problems, metrics: ok" >&2

# SIGTERM under load.
PORT="$PORT" SERVICE_PID="$SERVICE" THREADS=16 LOAD_BEFORE_SIGNAL=400 MAX_SECONDS=30 \
  python3 scripts/service_e2e_load.py > "$WORK/load.json" || fail "load: $(cat "$WORK/load.json")"
status=0
for _ in $(seq 1 100); do kill -0 "$SERVICE" 2>/dev/null || break; sleep 0.1; done
kill -0 "$SERVICE" 2>/dev/null && fail "still running 10 s after SIGTERM"
wait "$SERVICE" || status=$?
STOPPED_AT="$(date +%s.%N)"
STOP_MS="$(python3 -c 'import json,sys; print(round((float(sys.argv[2]) - json.load(open(sys.argv[1]))["signalled_at"]) * 1000))' "$WORK/load.json" "$STOPPED_AT")"
[ "$status" = 0 ] || fail "exit status $status after SIGTERM: $(tail -5 "$WORK/service.log")"
logged=$(grep -c '"message":"request".*"route":"/v1/weather/current".*"status":200' "$WORK/service.log" || true)
completed=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["completed"])' "$WORK/load.json")
# Two lookups before the load (the miss and the hit) are logged too.
[ "$logged" = $(( completed + 2 )) ] || fail "the service answered $logged lookups, clients received $((completed + 2))"
grep -q '"shut down cleanly"' "$WORK/service.log" || grep -q 'shut down cleanly' "$WORK/service.log" || fail "no clean shutdown line"
curl -s -o /dev/null --max-time 2 "$BASE/health" && fail "still accepting connections after exit"
echo "[e2e] SIGTERM under load: $(cat "$WORK/load.json"); answered=$logged; exit 0 ${STOP_MS} ms after SIGTERM (polled every 100 ms)" >&2

# The API key must appear nowhere we can see.
redis-cli -p "$REDIS_PORT" --scan --pattern "$PREFIX*" > "$WORK/redis-keys"
while read -r k; do redis-cli -p "$REDIS_PORT" get "$k"; done < "$WORK/redis-keys" > "$WORK/redis-values" 2>/dev/null || true
for f in "$WORK/service.log" "$WORK/captured" "$WORK/redis-keys" "$WORK/redis-values" "$WORK/load.json"; do
  if grep -qF "$KEY" "$f"; then fail "the API key appears in $(basename "$f")"; fi
done
echo "[e2e] the API key appears in no log line ($(wc -l < "$WORK/service.log") lines), header, body or Redis key/value: ok" >&2
echo "[e2e] passed" >&2
