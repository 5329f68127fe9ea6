#!/usr/bin/env bash
# Real OpenWeather clients against the built `weather-tracker stub` (issue 30): pyowm, pinned,
# configured as its docs say for an HTTP proxy, over every call it makes that the stub serves
# (current weather by name, coordinates, zip and id; the 3-hour forecast; One Call; air pollution
# now, forecast and history; direct and reverse geocoding; a wrong key; an unknown city), each
# value pyowm read compared with what the stub serves for the same URL; then Python requests with
# `proxies=` and `curl -x`. See scripts/real_clients_check.py and docs/stub.md.
#   scripts/real-clients-check.sh      (CI runs it; needs python3 with venv, curl; < 1 minute once built)
# Installs pyowm into a virtual environment under .build (REAL_CLIENTS_VENV to put it elsewhere).
# The stub listens on a free loopback port and is stopped by its PID; on failure its logs are kept
# and their directory printed. Every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
PYOWM_VERSION=3.5.0
VENV="${REAL_CLIENTS_VENV:-$PWD/.build/real-clients-venv}"

command -v curl > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl > /dev/null; }
python3 -c 'import ensurepip, venv' 2> /dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv > /dev/null
}
if ! "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('pyowm') != '$PYOWM_VERSION')" \
  2> /dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "pyowm==$PYOWM_VERSION"
fi

swift build --product weather-tracker >&2
BIN="$(swift build --show-bin-path)/weather-tracker"
KEY="real-clients-$RANDOM$RANDOM"
WORK="$(mktemp -d)"
STUB_PID=""
finish() {
  status=$?
  if [ -n "$STUB_PID" ]; then kill "$STUB_PID" 2> /dev/null || true; wait "$STUB_PID" 2> /dev/null || true; fi
  if [ "$status" -eq 0 ]; then
    rm -rf "$WORK"
  else
    echo "[real-clients] FAILED; the stub's logs are kept in $WORK:" >&2
    tail -n 20 "$WORK/stub.out" "$WORK/stub.err" >&2 || true
  fi
  exit "$status"
}
trap finish EXIT

"$BIN" stub --port 0 --api-key "$KEY" > "$WORK/stub.out" 2> "$WORK/stub.err" &
STUB_PID=$!
for _ in $(seq 1 100); do grep -q '^http://' "$WORK/stub.out" 2> /dev/null && break; sleep 0.1; done
grep -q '^http://' "$WORK/stub.out" || { echo "[real-clients] the stub did not start within 10 s" >&2; exit 1; }
PORT="$(head -1 "$WORK/stub.out" | sed 's/.*://')"
echo "[real-clients] stub pid $STUB_PID on 127.0.0.1:$PORT, pyowm $PYOWM_VERSION" >&2

timeout 120 "$VENV/bin/python" scripts/real_clients_check.py "$PORT" "$KEY"
