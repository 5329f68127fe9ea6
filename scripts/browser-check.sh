#!/usr/bin/env bash
# The web pages in a real browser: builds weather-tracker, starts `serve` in demo mode on a free
# loopback port with three tracked places, waits for /health, and has headless Chromium load `/`
# and `/place?city=Zürich` at desktop (1280x900) and phone (390x844) widths, light and dark, plus
# once each with JavaScript off. Fails on any console error, uncaught exception, failed request,
# HTTP error or request to another origin (scripts/browser_check.py, over the DevTools protocol).
#
# Screenshots go to $SCREENSHOT_DIR (default /tmp/weather-screens), outside the repository.
# Installs chromium (Debian) and websocket-client (PyPI) when missing. Every wait is bounded; the
# server and the browser are ended by their own PIDs.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${SCREENSHOT_DIR:-/tmp/weather-screens}"
mkdir -p "$out"
began=$SECONDS

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! command -v chromium >/dev/null 2>&1; then
    echo "[browser-check] installing chromium" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
python3 -c "import websocket" 2>/dev/null || python3 -m pip install -q websocket-client
echo "[browser-check] $(chromium --version 2>/dev/null | head -n 1)"

swift build --product weather-tracker >"$out/build.log" 2>&1 || { tail -n 40 "$out/build.log"; exit 1; }
binary="$(swift build --show-bin-path)/weather-tracker"
echo "[browser-check] built in $((SECONDS - began)) s"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"
# One browser is one client: the overview (a card per tracked place) and two place pages (each with
# its One Call sections: current, alert details, the minute page and four quarter-hour pages) need more
# uncached lookups than the per-client burst of 20, so the check allows more (layout is checked, not fairness).
env -u OPENWEATHER_API_KEY TRACKED_PLACES="${TRACKED_PLACES:-London,GB;Zürich,CH;40.71,-74.01}" \
    CLIENT_LIMIT_BURST="${CLIENT_LIMIT_BURST:-200}" \
    "$binary" serve --demo --host 127.0.0.1 --port "$port" >"$out/server.log" 2>&1 &
server=$!
stop_server() {
    if kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$server" 2>/dev/null || true
    fi
    wait "$server" 2>/dev/null || true
}
trap stop_server EXIT

started=$SECONDS
for attempt in $(seq 1 150); do
    if curl -fsS --max-time 2 "$base/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then echo "[browser-check] the server exited:"; cat "$out/server.log"; exit 1; fi
    if [ "$attempt" -eq 150 ]; then echo "[browser-check] no /health within 30 s"; cat "$out/server.log"; exit 1; fi
    sleep 0.2
done
echo "[browser-check] $base healthy after $((SECONDS - started)) s"

status=0
timeout 300 python3 scripts/browser_check.py --base "$base" --out "$out" "/" "/place?city=Zürich" "/place?city=Berlin" || status=$?
echo "[browser-check] done in $((SECONDS - began)) s; screenshots in $out"
exit "$status"
