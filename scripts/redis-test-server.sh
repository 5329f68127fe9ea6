#!/usr/bin/env bash
# Starts (or stops) the loopback redis-server the Redis-backed tests use.
#   scripts/redis-test-server.sh start|stop|status     port: $REDIS_TEST_PORT (default 6399)
set -euo pipefail
PORT="${REDIS_TEST_PORT:-6399}"
DIR="${TMPDIR:-/tmp}/weather-tracker-redis-$PORT"
PIDFILE="$DIR/redis.pid"
case "${1:-start}" in
  start)
    if redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1; then echo "redis already up on 127.0.0.1:$PORT"; exit 0; fi
    mkdir -p "$DIR"
    redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes --pidfile "$PIDFILE" --dir "$DIR" \
      --save "" --appendonly no --logfile "$DIR/redis.log"
    for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
    redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null
    echo "redis up on 127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"
    ;;
  stop)
    [ -f "$PIDFILE" ] && kill "$(cat "$PIDFILE")" 2>/dev/null || true
    ;;
  status)
    redis-cli -h 127.0.0.1 -p "$PORT" ping
    ;;
esac
