#!/usr/bin/env bash
# Starts (or stops) the loopback redis-server the Redis-backed tests use, as CI does.
#   scripts/redis-test-server.sh start|stop|restart|status     port: $REDIS_TEST_PORT (default 6399)
# Then: REDIS_TEST_URL=redis://127.0.0.1:6399/0 swift test --filter WeatherCacheTests
# (that URL is the tests' default). Persistence is off; the data lives only in memory.
#   scripts/redis-test-server.sh start-tls|stop-tls             TLS port: $REDIS_TEST_TLS_PORT (default 6400)
# starts a second, TLS-only server (for the benchmark's TLS row and trying rediss:// by hand), with
# a CA and a certificate for localhost/127.0.0.1 made here by openssl; it prints the URL and CA file.
# (The TLS tests start their own server and certificates; they do not need this one.)
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
TLS_PORT="${REDIS_TEST_TLS_PORT:-6400}"
TLS_DIR="${TMPDIR:-/tmp}/weather-tracker-redis-tls-$TLS_PORT"
start_tls() {
  command -v redis-server >/dev/null || { echo "redis-server is not installed (scripts/install-deps.sh)" >&2; exit 1; }
  if [ -f "$TLS_DIR/redis.pid" ] && kill -0 "$(cat "$TLS_DIR/redis.pid")" 2>/dev/null; then
    echo "redis (TLS) already up: REDIS_TLS_URL=rediss://localhost:$TLS_PORT/0 REDIS_TLS_CA_FILE=$TLS_DIR/ca.crt"; return
  fi
  mkdir -p "$TLS_DIR"
  (
    cd "$TLS_DIR"
    key=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
    openssl req -x509 "${key[@]}" -keyout ca.key -out ca.crt -days 30 -subj "/CN=weather-tracker test CA" 2>/dev/null
    openssl req "${key[@]}" -keyout server.key -out server.csr -subj "/CN=localhost" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > server.ext
    openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 30 \
      -extfile server.ext 2>/dev/null
  )
  redis-server --bind 127.0.0.1 --port 0 --tls-port "$TLS_PORT" --tls-cert-file "$TLS_DIR/server.crt" \
    --tls-key-file "$TLS_DIR/server.key" --tls-ca-cert-file "$TLS_DIR/ca.crt" --tls-auth-clients optional \
    --daemonize yes --pidfile "$TLS_DIR/redis.pid" --dir "$TLS_DIR" --save "" --appendonly no --logfile "$TLS_DIR/redis.log"
  for _ in $(seq 1 50); do
    redis-cli --tls --cacert "$TLS_DIR/ca.crt" -h localhost -p "$TLS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1
  done
  redis-cli --tls --cacert "$TLS_DIR/ca.crt" -h localhost -p "$TLS_PORT" ping >/dev/null
  echo "redis (TLS) up: REDIS_TLS_URL=rediss://localhost:$TLS_PORT/0 REDIS_TLS_CA_FILE=$TLS_DIR/ca.crt"
}
stop_tls() {
  if [ -f "$TLS_DIR/redis.pid" ]; then
    PID="$(cat "$TLS_DIR/redis.pid")"
    kill "$PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$TLS_DIR"
}
case "${1:-start}" in
  start-tls) start_tls ;;
  stop-tls) stop_tls ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) redis-cli -h 127.0.0.1 -p "$PORT" ping ;;
  *) echo "usage: $0 start|stop|restart|status|start-tls|stop-tls" >&2; exit 2 ;;
esac
