#!/usr/bin/env bash
# Fuzzes every WeatherCore decoder with libFuzzer + AddressSanitizer for SECONDS (default 60).
#
#   scripts/fuzz.sh [SECONDS]
#
# Seeds: every fixture under Tests/WeatherCoreTests/Fixtures (read-only); new inputs go to
# Fuzz/corpus-work/ (git-ignored). A crash, a sanitizer report, a timeout or an out-of-memory
# writes Fuzz/crash-* (or leak-/timeout-/oom-) and makes this script exit non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
ROOT="$PWD"

echo "[fuzz.sh] building Fuzz/ (release, fuzzer + address sanitizers)" >&2
# Built twice at most: after files are added to the parent package, SwiftPM can plan the first
# build of a path dependency with a stale file list.
swift build -c release --sanitize=fuzzer --sanitize=address --package-path Fuzz >&2 ||
    swift build -c release --sanitize=fuzzer --sanitize=address --package-path Fuzz >&2
FUZZER="$(swift build -c release --sanitize=fuzzer --sanitize=address --package-path Fuzz --show-bin-path)/DecodeFuzzer"

mkdir -p Fuzz/corpus-work
echo "[fuzz.sh] fuzzing for ${SECONDS_TO_RUN}s" >&2
# Swift's own backtracer would intercept the signals libFuzzer and ASan need to report a crash.
export SWIFT_BACKTRACE=enable=no
status=0
"$FUZZER" Fuzz/corpus-work Tests/WeatherCoreTests/Fixtures \
    -dict=Fuzz/json.dict \
    -max_total_time="$SECONDS_TO_RUN" \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -max_len=65536 \
    -print_final_stats=1 \
    -artifact_prefix="$ROOT/Fuzz/" || status=$?
if [ "$status" -ne 0 ]; then
    echo "[fuzz.sh] FAILED (exit $status): see the Fuzz/crash-* (or timeout-/oom-/leak-) file above" >&2
    exit "$status"
fi
echo "[fuzz.sh] no crash in ${SECONDS_TO_RUN}s" >&2
