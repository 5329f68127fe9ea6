#!/usr/bin/env bash
# What tracing costs on the warm path: the branch point's release binary, this tree's with tracing off,
# and with tracing on at 100 % and 1 % sampling, exporting to a local OTLP/HTTP receiver
# (scripts/otlp_receiver.py in count-only mode), interleaved for ROUNDS rounds (scripts/bench_tracing.py).
#
#   BASE_BIN=/path/to/base/weather-tracker scripts/bench-tracing.sh     # ~3 min at DUR=10 ROUNDS=3
#
# BASE_BIN: a release build of the commit to compare with (`swift build -c release --product
# weather-tracker` in a checkout of it). Only loopback; stops only what it starts.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BASE_BIN:?set BASE_BIN to the release binary of the commit to compare with}"
OTEL_PROTO_VERSION=1.45.2
VENV="${OTEL_E2E_VENV:-$PWD/.build/otel-e2e-venv}"
OUT="${OUT:-$(mktemp -d)}"
command -v wrk > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null; }
if ! "$VENV/bin/python" -c "import opentelemetry.proto" 2> /dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "opentelemetry-proto==$OTEL_PROTO_VERSION"
fi
swift build -c release --product weather-tracker >&2
BIN="$(swift build -c release --show-bin-path)/weather-tracker"
"$VENV/bin/python" scripts/otlp_receiver.py - > "$OUT/receiver.out" 2>&1 &
RECEIVER_PID=$!
trap 'kill "$RECEIVER_PID" 2> /dev/null || true' EXIT
for _ in $(seq 50); do grep -q '^listening ' "$OUT/receiver.out" && break; sleep 0.1; done
RECEIVER="http://127.0.0.1:$(sed -n 's/^listening //p' "$OUT/receiver.out")"
python3 scripts/bench_tracing.py "$BASE_BIN" "$BIN" "$RECEIVER" "$OUT/tracing.json" | tee "$OUT/table.txt"
echo "[bench-tracing] export requests received: $(curl -s "$RECEIVER/count")" >&2
