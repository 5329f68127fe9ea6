# Sourced by the end-to-end scripts that drive the built binary over sockets (service-e2e.sh,
# otel-e2e.sh): builds `weather-tracker`, starts the loopback redis-server of
# scripts/redis-test-server.sh, and gives them what each used to write out itself:
#   BIN         the built binary          REDIS_PORT  the test Redis's port
#   WORK        a temporary folder        PIDS        the processes started, stopped by PID on exit
#   fail MSG    prints "[E2E_NAME] FAIL: MSG" and exits 1
#   wait_for FILE PATTERN SECONDS         waits (bounded) until PATTERN appears in FILE
# Set before sourcing: E2E_NAME (the log prefix) and E2E_REDIS_PREFIX (the key prefix the service is
# given; its keys are deleted on exit). E2E_KEEP_LOG=FILE keeps $WORK/service.log there.
swift build --product weather-tracker >&2
BIN="$(swift build --show-bin-path)/weather-tracker"
scripts/redis-test-server.sh start >&2
REDIS_PORT="${REDIS_TEST_PORT:-6399}"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  redis-cli -p "$REDIS_PORT" --scan --pattern "$E2E_REDIS_PREFIX*" | xargs -r redis-cli -p "$REDIS_PORT" del > /dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
[ -n "${E2E_KEEP_LOG:-}" ] && trap 'cp "$WORK/service.log" "$E2E_KEEP_LOG"; cleanup' EXIT
fail() { echo "[$E2E_NAME] FAIL: $*" >&2; exit 1; }
wait_for() {  # file pattern seconds
  for _ in $(seq 1 $(( $3 * 10 ))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  fail "timed out waiting for '$2' in $1: $(tail -5 "$1")"
}
