#!/usr/bin/env bash
# Regenerates the typed client from the document the service serves — run it whenever the API changes:
#   Clients/WeatherTrackerClient/generate.sh              starts the service (demo mode) itself
#   Clients/WeatherTrackerClient/generate.sh URL          uses a running service, e.g. http://127.0.0.1:8000
# 1. Fetches URL/openapi.json into openapi.json (pretty-printed, keys sorted: a readable diff).
# 2. Runs swift-openapi-generator 1.14.3 (pinned in Generator/Package.swift, built once into
#    .build-generator/, a few minutes the first time) with openapi-generator-config.yaml, writing
#    Sources/WeatherTrackerClient/Types.swift and Client.swift.
# 3. Builds the package, so a document the generated code cannot express fails here.
# Commit the three changed files; scripts/client-check.sh then checks them against the live service.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
if [ $# -ge 1 ]; then
  BASE="${1%/}"
else
  DEMO_NAME=generate
  # shellcheck source=../../scripts/lib/demo-service.sh
  source scripts/lib/demo-service.sh
  BASE="$DEMO_BASE"
fi
FETCHED="$(mktemp)"
curl -fsS --max-time 10 "$BASE/openapi.json" -o "$FETCHED"
python3 - "$FETCHED" "$HERE/openapi.json" <<'PY'
import json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(document, out, indent=2, sort_keys=True, ensure_ascii=False)
    out.write("\n")
PY
rm -f "$FETCHED"
echo "[generate] openapi.json ← $BASE/openapi.json ($(wc -c < "$HERE/openapi.json") bytes)" >&2
started=$SECONDS
swift run --package-path "$HERE/Generator" --scratch-path "$HERE/.build-generator" \
  swift-openapi-generator generate \
  --config "$HERE/openapi-generator-config.yaml" \
  --output-directory "$HERE/Sources/WeatherTrackerClient" \
  "$HERE/openapi.json"
echo "[generate] generator built and run in $((SECONDS - started)) s" >&2
started=$SECONDS
swift build --package-path "$HERE"
echo "[generate] the client package builds ($((SECONDS - started)) s); commit openapi.json and Sources/WeatherTrackerClient/" >&2
