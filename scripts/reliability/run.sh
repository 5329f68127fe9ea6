#!/usr/bin/env bash
# The reliability suite, one part or all of them (docs/reliability.md says what each checks):
#   scripts/reliability/run.sh [hostile|faults|contract|soak|attack|fuzz ...]    (default: all six)
#   RELIABILITY_FAST=1 scripts/reliability/run.sh    the CI form: same checks, shorter windows
# faults takes scenario names after it as faults.py does only when run alone:
#   scripts/reliability/run.sh faults redis storm
# Builds weather-tracker (debug; RELIABILITY_BUILD=release for release) once, uses loopback only,
# ports 18200-18299 (RELIABILITY_PORT_BASE), and its own redis-server processes, stopped by PID.
# Figures go to stdout as one JSON line per scenario; logs to $RELIABILITY_OUT (default /tmp/reliability).
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/install-deps.sh >&2
command -v redis-server > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server > /dev/null; }
python3 -c 'import venv' 2> /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv > /dev/null; }
# 5,000 held connections need more than the usual 1,024 descriptors (the machine allows 20,000).
ulimit -n "$(ulimit -Hn)" 2> /dev/null || ulimit -n 20000 2> /dev/null || true
MODE="${RELIABILITY_BUILD:-debug}"
swift build -c "$MODE" --product weather-tracker >&2
RELIABILITY_BIN="$(swift build -c "$MODE" --show-bin-path)/weather-tracker"
export RELIABILITY_BIN
PARTS=("$@")
[ "${#PARTS[@]}" -gt 0 ] || PARTS=(hostile faults contract soak attack fuzz)
SCENARIOS=()
if [ "${PARTS[0]}" = faults ] && [ "${#PARTS[@]}" -gt 1 ]; then SCENARIOS=("${PARTS[@]:1}"); PARTS=(faults); fi
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
for part in "${PARTS[@]}"; do
  start=$(date +%s)
  echo "[reliability] == $part ($([ "${RELIABILITY_FAST:-}" = 1 ] && echo fast || echo full)) ==" >&2
  case "$part" in
    hostile) python3 scripts/reliability/hostile.py ;;
    faults) python3 scripts/reliability/faults.py "${SCENARIOS[@]}" ;;
    contract) python3 scripts/reliability/contract.py ;;
    soak) python3 scripts/reliability/soak.py ;;
    attack) python3 scripts/reliability/attack.py ;;
    fuzz) scripts/fuzz.sh "$FUZZ_SECONDS" ;;
    *) echo "[reliability] unknown part $part (hostile, faults, contract, soak, attack, fuzz)" >&2; exit 2 ;;
  esac
  echo "[reliability] $part passed in $(( $(date +%s) - start )) s" >&2
done
