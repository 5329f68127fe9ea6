# Sourced by scripts that need the service running in demo mode (scripts/client-check.sh,
# Clients/WeatherTrackerClient/generate.sh): builds the root package's `weather-tracker` if needed,
# starts `weather-tracker serve` in demo mode on a free loopback port and waits (bounded) for /health.
# Gives them:
#   DEMO_BASE   the service's base URL, http://127.0.0.1:<port>
#   DEMO_PID    its process id; stopped (SIGTERM, by this PID only) when the sourcing script exits
# Set DEMO_NAME (the log prefix) before sourcing. Runs from the repository's root.
DEMO_NAME="${DEMO_NAME:-demo-service}"
swift build --product weather-tracker >&2
DEMO_BIN="$(swift build --show-bin-path)/weather-tracker"
DEMO_LOG="$(mktemp)"
demo_service_stop() {
  if [ -n "${DEMO_PID:-}" ] && kill -0 "$DEMO_PID" 2>/dev/null; then
    kill "$DEMO_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$DEMO_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$DEMO_PID" 2>/dev/null || true
  fi
  rm -f "$DEMO_LOG"
}
trap demo_service_stop EXIT
# Demo mode on purpose (no key, DEMO=1), memory cache, no per-client limit: one client makes every call.
env -u OPENWEATHER_API_KEY -u OPENWEATHER_API_KEY_FILE -u OPENWEATHER_BASE_URL -u REDIS_URL -u REDIS_HOST DEMO=1 CLIENT_LIMIT=off \
  "$DEMO_BIN" serve --host 127.0.0.1 --port 0 > "$DEMO_LOG" 2>&1 &
DEMO_PID=$!
DEMO_BASE=""
for _ in $(seq 1 200); do
  port="$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$DEMO_LOG" 2>/dev/null | head -1 | sed 's/.*://' || true)"
  if [ -n "$port" ] && curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/health"; then
    DEMO_BASE="http://127.0.0.1:$port"
    break
  fi
  kill -0 "$DEMO_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$DEMO_BASE" ]; then
  echo "[$DEMO_NAME] FAIL: the service did not answer /health within 20 s: $(tail -5 "$DEMO_LOG")" >&2
  exit 1
fi
echo "[$DEMO_NAME] weather-tracker serve (demo mode) pid $DEMO_PID on $DEMO_BASE" >&2
