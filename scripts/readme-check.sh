#!/usr/bin/env bash
# The README's quick start as a reader runs it: the set-up command starts the service in demo mode
# on :8000, then every `curl` shown for trying it runs verbatim and must answer the status its
# comment names; .ci/run must end with the README's test command. See scripts/readme_check.py.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/readme_check.py "$@"
