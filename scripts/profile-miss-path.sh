#!/usr/bin/env bash
# Where a miss's time goes: the release service in live mode against `weather-tracker stub`, with
# a redis-server of its own, under wrk where every request asks for a city never asked before
# (../shared/anchors/service/lua/unique.lua: 100 % misses). Prints req/s, p50/p99, the service's
# and the stub's CPU µs per request and the context switches per miss; with PERF=1 also the top
# symbols by inclusive time (perf cpu-clock samples).
#   scripts/profile-miss-path.sh [SECONDS=6]   (ports 18097-18099; only loopback; stops what it starts)
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-6}"; PORT=18097; STUB_PORT=18098; REDIS_PORT=18099
ANCHORS="${ANCHORS:-$PWD/../shared/anchors}"
command -v wrk > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null; }
BIN="$(swift build -c release --show-bin-path)/weather-tracker"
[ -x "$BIN" ] || swift build -c release --product weather-tracker >&2
PIDS=()
trap 'kill "${PIDS[@]}" 2> /dev/null || true' EXIT
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no > /tmp/miss-path-redis.log 2>&1 &
PIDS+=($!)
"$BIN" stub --port "$STUB_PORT" > /tmp/miss-path-stub.log 2>&1 &
STUB=$!; PIDS+=($STUB)
for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping > /dev/null 2>&1 && break; sleep 0.1; done
LOG_LEVEL=warning OPENWEATHER_API_KEY=stub-key OPENWEATHER_BASE_URL="http://127.0.0.1:$STUB_PORT" \
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" QUOTA_PER_MINUTE=1000000 CLIENT_LIMIT=off \
  "$BIN" serve --host 127.0.0.1 --port "$PORT" > /tmp/miss-path-serve.log 2>&1 &
APP=$!; PIDS+=($APP)
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 0.1; done
export WEATHER_PATH='/v1/weather/current?city={city}&units=metric'
(cd "$ANCHORS/service" && WRK_RUNTAG=w wrk -t2 -c50 -d2s -s lua/unique.lua "http://127.0.0.1:$PORT" > /dev/null)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
switches() { cat /proc/"$APP"/task/*/status | awk '/ctxt_switches/ {n += $2} END {print n}'; }
before=$(ticks "$APP"); stub_before=$(ticks "$STUB"); cs_before=$(switches)
if [ "${PERF:-0}" = 1 ]; then
  perf record -e cpu-clock -F 1500 -g -p "$APP" -o /tmp/miss-path.perf -- sleep "$SECS" > /dev/null 2>&1 &
  PERF_PID=$!
fi
out=$(cd "$ANCHORS/service" && WRK_RUNTAG=m wrk -t2 -c50 -d"${SECS}s" --latency -s lua/unique.lua "http://127.0.0.1:$PORT")
[ "${PERF:-0}" = 1 ] && { wait "$PERF_PID" || true; }
after=$(ticks "$APP"); stub_after=$(ticks "$STUB"); cs_after=$(switches)
n=$(grep -o '[0-9]* requests in' <<< "$out" | awk '{print $1}')
hz=$(getconf CLK_TCK)
echo "$(grep 'Requests/sec' <<< "$out")  p50 $(awk '$1 == "50%" {print $2}' <<< "$out")  p99 $(awk '$1 == "99%" {print $2}' <<< "$out")" \
  " service CPU $(( (after - before) * 1000000 / hz / n )) µs/req, stub $(( (stub_after - stub_before) * 1000000 / hz / n )) µs/req," \
  " $(( (cs_after - cs_before) * 10 / n )) context switches per 10 misses; $(grep -c Non-2xx <<< "$out" || true) lines of non-2xx"
if [ "${PERF:-0}" = 1 ]; then
  perf report -i /tmp/miss-path.perf --children --sort symbol --stdio 2> /dev/null | grep -E '^\s+[0-9.]+%' | head -60 \
    | swift demangle --simplified | cut -c1-150
fi
