#!/usr/bin/env bash
# Starts (or stops) the loopback redis-server the Redis-backed tests use, as CI does.
#   scripts/redis-test-server.sh start|stop|restart|status     port: $REDIS_TEST_PORT (default 6399)
# Then: REDIS_TEST_URL=redis://127.0.0.1:6399/0 swift test --filter WeatherCacheTests
# (that URL is the tests' default). Persistence is off; the data lives only in memory.
set -euo pipefail
PORT="${REDIS_TEST_PORT:-6399}"
DIR="${TMPDIR:-/tmp}/weather-tracker-redis-$PORT"
PIDFILE="$DIR/redis.pid"
start() {
  if ! command -v redis-server >/dev/null; then
    echo "redis-server is not installed: apt-get install redis-server redis-tools (or scripts/install-deps.sh)" >&2
    exit 1
  fi
  if redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1; then echo "redis already up on 127.0.0.1:$PORT"; return; fi
  mkdir -p "$DIR"
  redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes --pidfile "$PIDFILE" --dir "$DIR" \
    --save "" --appendonly no --logfile "$DIR/redis.log"
  for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null
  echo "redis up on 127.0.0.1:$PORT (pid $(cat "$PIDFILE")); REDIS_TEST_URL=redis://127.0.0.1:$PORT/0"
}
stop() {
  if [ -f "$PIDFILE" ]; then
    PID="$(cat "$PIDFILE")"
    kill "$PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    rm -f "$PIDFILE"
  fi
}
case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) redis-cli -h 127.0.0.1 -p "$PORT" ping ;;
  *) echo "usage: $0 start|stop|restart|status" >&2; exit 2 ;;
esac
