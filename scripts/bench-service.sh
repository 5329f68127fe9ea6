#!/usr/bin/env bash
# The service benchmark: the FastAPI reference and `weather-tracker serve` through the same harness
# (../shared/anchors/service/run.sh: same Redis, same Python OpenWeather stub, wrk -t2 -c50 on
# loopback), plus bare Hummingbird returning a pre-encoded body (../shared/anchors/ceiling/hb), in
# one window, then one table (scripts/bench_service_table.py).
#
#   scripts/bench-service.sh                 # ~10 min; DUR=10 WARM=2 COLD_REPS=5 as run.sh takes them
#
# Settings ours runs with, so that the harness measures the service rather than its guards:
#   LOG_LEVEL=warning          the reference runs with --no-access-log --log-level warning too;
#   QUOTA_PER_MINUTE=1000000   the all-miss and cold runs ask the stub thousands of times a minute;
#                              the default budget (60/min, OpenWeather's free plan) would answer 429;
#   CLIENT_LIMIT=off           the all-miss run comes from one address; the per-client limit (on by
#                              default: 20 at once, then 0.25/s) would refuse all but its first misses;
#   REDIS_KEY_PREFIX=weather:city:   the harness primes the warm rotation until `KEYS weather:city*`
#                              counts 1000; with this prefix our 1000 current-weather keys match.
# Results: $OUT (default /tmp/bench-service/<time>/). Only loopback; run.sh stops what it starts.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
ANCHORS="${ANCHORS:-$ROOT/../shared/anchors}"
OUT="${OUT:-/tmp/bench-service/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
export DUR="${DUR:-10}" WARM="${WARM:-2}" COLD_REPS="${COLD_REPS:-5}" RB_SIZES=""
command -v wrk > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null; }

echo "[bench] building weather-tracker (release)" >&2
swift build -c release --product weather-tracker >&2
BIN="$(swift build -c release --show-bin-path)/weather-tracker"

echo "[bench] building the bare Hummingbird ceiling (release)" >&2
mkdir -p /tmp/ceiling && cp -r "$ANCHORS/ceiling/." /tmp/ceiling/
swift build -c release --package-path /tmp/ceiling/hb >&2
HB="$(swift build -c release --package-path /tmp/ceiling/hb --show-bin-path)/hbserver"

echo "[bench] 1/3 the FastAPI reference (workers 1 and 2)" >&2
(cd "$ANCHORS/service" && RESULTS="$OUT/reference" WORKERS="1 2" ./run.sh > "$OUT/reference.txt" 2>&1)

echo "[bench] 2/3 weather-tracker serve, same harness" >&2
(cd "$ANCHORS/service" && RESULTS="$OUT/ours" WORKERS=1 LOG_LEVEL=warning QUOTA_PER_MINUTE=1000000 CLIENT_LIMIT=off \
  REDIS_KEY_PREFIX="weather:city:" WEATHER_PATH='/v1/weather/current?city={city}&units=metric' \
  APP_CMD="$BIN serve --host 127.0.0.1 --port 8000" ./run.sh > "$OUT/ours.txt" 2>&1)

echo "[bench] 3/3 the ceiling: bare Hummingbird, pre-encoded body, beside ours with Redis configured" >&2
CEILING_REDIS_PORT="${CEILING_REDIS_PORT:-16379}"
redis-server --port "$CEILING_REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no > "$OUT/ceiling-redis.log" 2>&1 &
CEILING_REDIS_PID=$!
trap 'kill "$CEILING_REDIS_PID" 2> /dev/null || true' EXIT
for _ in $(seq 50); do redis-cli -p "$CEILING_REDIS_PORT" ping > /dev/null 2>&1 && break; sleep 0.1; done
REDIS_URL="redis://127.0.0.1:$CEILING_REDIS_PORT/0" python3 "$ROOT/scripts/bench_ceiling_hb.py" "$HB" "$OUT/ceiling.json" "$BIN"
kill "$CEILING_REDIS_PID"; wait "$CEILING_REDIS_PID" 2> /dev/null || true

python3 "$ROOT/scripts/bench_service_table.py" "$OUT" | tee "$OUT/table.txt"
