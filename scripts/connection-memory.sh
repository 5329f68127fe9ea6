#!/usr/bin/env bash
# What an open client connection costs in resident memory (docs/deployment.md, "Memory and CPU"):
# starts `weather-tracker serve` in demo mode on a free loopback port, opens N connections (each
# answered one GET /health, or idle with `idle`), and prints the RSS they added, from /proc.
#   scripts/connection-memory.sh [N] [idle]      (N defaults to 4000; needs python3; ~10 s once built)
# Builds the debug binary unless WEATHER_TRACKER_BIN names one. The service is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-4000}"
MODE="${2:-send}"
if [ -z "${WEATHER_TRACKER_BIN:-}" ]; then
  swift build --product weather-tracker >&2
  WEATHER_TRACKER_BIN="$(swift build --show-bin-path)/weather-tracker"
fi
ulimit -n $((N + 1000))
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
DEMO=1 HOST=127.0.0.1 PORT="$PORT" LOG_LEVEL=warning CLIENT_LIMIT=off "$WEATHER_TRACKER_BIN" serve > /dev/null 2>&1 &
PID=$!
trap 'kill "$PID" 2> /dev/null || true; wait "$PID" 2> /dev/null || true' EXIT
timeout 60 python3 - "$PORT" "$PID" "$N" "$MODE" << 'PY'
import os, socket, sys, time
port, pid, n, send = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] != "idle"

def rss_kib():
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS"))

for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", port)).close()
        break
    except OSError:
        time.sleep(0.1)
time.sleep(1)
before = rss_kib()
connections = [socket.create_connection(("127.0.0.1", port)) for _ in range(n)]
if send:
    for c in connections:
        c.sendall(b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
    for c in connections:
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += c.recv(65536)
time.sleep(3)
after = rss_kib()
what = "each answered one GET /health" if send else "idle, nothing sent"
print(f"{n} connections ({what}): RSS {before} -> {after} KiB, +{(after - before) / 1024:.1f} MiB, "
      f"{(after - before) / n:.1f} KiB each")
PY
