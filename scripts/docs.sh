#!/usr/bin/env bash
# Builds the DocC documentation of the libraries (swift-docc-plugin) with warnings treated as
# errors: a ``symbol`` link that no longer resolves, a documented parameter that does not exist or
# a catalog page naming a missing symbol fails the run. Prints the time it took.
#
#   scripts/docs.sh [TARGET...]    (default: the documented libraries below)
#
# The combined archive goes to $DOCS_OUTPUT/weather-tracker.doccarchive (default .build/docs).
# The targets are built in debug like `swift build`, so after a build only symbol extraction and
# docc run. No LMDB index (--disable-indexing): that is for Xcode; this archive is for hosting.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGETS=("$@")
[ "${#TARGETS[@]}" -gt 0 ] || TARGETS=(WeatherCore WeatherHTTP WeatherCache WeatherTesting WeatherWebhooks WeatherServerCore WeatherPages WeatherServer)
OUT="${DOCS_OUTPUT:-$PWD/.build/docs}"
mkdir -p "$OUT"

args=()
for target in "${TARGETS[@]}"; do args+=(--target "$target"); done

# One run for every target, in dependency order: with combined documentation docc gets each
# dependency's archive, so an adapter's ``WeatherCore/WeatherError`` link resolves (without it,
# links into another module are errors). The plugin stops at the first target docc rejects.
start=$SECONDS
status=0
swift package --allow-writing-to-directory "$OUT" generate-documentation "${args[@]}" \
    --enable-experimental-combined-documentation --output-path "$OUT/weather-tracker.doccarchive" \
    --disable-indexing --warnings-as-errors || status=$?
elapsed=$((SECONDS - start))
if [ "$status" -eq 0 ]; then
    echo "[docs.sh] ${TARGETS[*]}: documented with no warnings in ${elapsed} s ($OUT)"
else
    echo "[docs.sh] ${TARGETS[*]}: DocC reported problems (above) after ${elapsed} s" >&2
fi
exit "$status"
