#!/usr/bin/env bash
# One Call 3.0 and 4.0 end to end over sockets: the built `weather-tracker serve` against
# `weather-tracker stub --onecall-plan PLAN` for each plan a key can have (4.0, 3.0, both, none),
# ONECALL_VERSION=auto, the loopback redis-server of scripts/redis-test-server.sh.
#   scripts/onecall-e2e.sh            (CI runs it; needs redis-server, curl, python3)
# Checks (scripts/onecall_e2e.py): which API the service picks for each plan and says in the body,
# the upstream calls an assembled 4.0 One Call costs and that a repeat costs none, the timeline and
# alerts routes (4.0, and from 3.0 where 3.0 has the data), the problems naming 4.0 or the missing
# subscription, two replicas sharing one detection, the metric, and the API key — which the stub
# puts into every next/prev link — in no log line, header, body or Redis key or value.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --product weather-tracker >&2
BIN="$(swift build --show-bin-path)/weather-tracker"
scripts/redis-test-server.sh start >&2
REDIS_PORT="${REDIS_TEST_PORT:-6399}" BIN="$BIN" python3 scripts/onecall_e2e.py
