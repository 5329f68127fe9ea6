#!/usr/bin/env bash
# The project's test command: installs what is missing, starts a loopback Redis, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/redis-test-server.sh start
export REDIS_TEST_URL="${REDIS_TEST_URL:-redis://127.0.0.1:${REDIS_TEST_PORT:-6399}/0}"
swift test "$@"
