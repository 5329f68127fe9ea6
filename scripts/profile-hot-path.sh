#!/usr/bin/env bash
# Where a warm lookup's time goes: the release service in demo mode under wrk (-t1 -c20, one warm
# key) on loopback, sampled by `perf record -e cpu-clock` (a software clock: these VMs expose no
# hardware counters, and valgrind 3.19 cannot run Swift 6 binaries). Prints req/s, the service's CPU
# µs per request, and the top symbols by self time.
#   scripts/profile-hot-path.sh [SECONDS=8]      (PORT=18090; only loopback; stops what it starts)
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-8}"; PORT="${PORT:-18090}"
command -v perf > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf > /dev/null; }
command -v wrk > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null; }
BIN="$(swift build -c release --show-bin-path)/weather-tracker"
[ -x "$BIN" ] || swift build -c release --product weather-tracker >&2
# CLIENT_LIMIT stays at its default (on): one warm key, and warm hits never reach the limit.
URL="http://127.0.0.1:$PORT/v1/weather/current?city=London&units=metric"
LOG_LEVEL=warning OPENWEATHER_API_KEY= "$BIN" serve --host 127.0.0.1 --port "$PORT" > /tmp/hot-path.log 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 0.1; done
curl -sf -o /dev/null "$URL"
wrk -t1 -c20 -d2s "$URL" > /dev/null
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
before="$(ticks)"
perf record -e cpu-clock -F 2000 -g -p "$PID" -o /tmp/hot-path.perf -- sleep "$SECS" > /dev/null 2>&1 &
PERF=$!
out="$(wrk -t1 -c20 -d"${SECS}s" "$URL")"
wait "$PERF" || true
after="$(ticks)"
requests="$(grep -o '[0-9]* requests in' <<< "$out" | awk '{print $1}')"
echo "$(grep 'Requests/sec' <<< "$out")   service CPU: $(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests )) µs per request"
kill -TERM "$PID"; wait "$PID" 2>/dev/null || true
trap - EXIT
perf report -i /tmp/hot-path.perf --no-children --sort symbol --stdio 2>/dev/null | grep -E '^\s+[0-9.]+%' | head -40 \
  | swift demangle --simplified | cut -c1-170
