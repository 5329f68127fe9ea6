#!/usr/bin/env bash
# The project's test command: installs what is missing, starts a loopback Redis, runs every test,
# and closes with one plain line: "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/redis-test-server.sh start
export REDIS_TEST_URL="${REDIS_TEST_URL:-redis://127.0.0.1:${REDIS_TEST_PORT:-6399}/0}"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
swift test "$@" 2>&1 | tee "$log" || status=$?
# XCTest's overall line, e.g. "Executed 324 tests, with 2 tests skipped and 0 failures (0 unexpected)".
summary="$(grep -E '^[[:space:]]*Executed [0-9]+ tests?, with ' "$log" | tail -n 1 || true)"
if [[ "$summary" =~ Executed\ ([0-9]+)\ tests?,\ with\ (([0-9]+)\ tests?\ skipped\ and\ )?([0-9]+)\ failures? ]]; then
    total="${BASH_REMATCH[1]}" skipped="${BASH_REMATCH[3]:-0}" failed="${BASH_REMATCH[4]}"
    line="$((total - skipped - failed)) passed, $failed failed"
    [ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
    echo "$line"
fi
exit "$status"
