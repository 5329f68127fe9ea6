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
# --sanitize=fuzzer --sanitize=address reach swiftc as two separate -sanitize= flags in no fixed
# order, and the last one wins: either no coverage counters (libFuzzer runs blind, "no interesting
# inputs") or no AddressSanitizer. -Xswiftc -sanitize=fuzzer,address comes last and asks for both;
# the --sanitize options are still needed for SwiftPM to link the runtimes.
# --disable-dead-strip: the release link may garbage-collect the coverage counter sections.
BUILD=(swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address
    --disable-dead-strip --package-path Fuzz)
# Built twice at most: after files are added to the parent package, SwiftPM can plan the first
# build of a path dependency with a stale file list.
"${BUILD[@]}" >&2 || "${BUILD[@]}" >&2
FUZZER="$("${BUILD[@]}" --show-bin-path)/DecodeFuzzer"

# Swift's own backtracer would intercept the signals libFuzzer and ASan need to report a crash.
export SWIFT_BACKTRACE=enable=no
probe="$("$FUZZER" -runs=0 2>&1 || true)"
if ! grep -q "inline 8-bit counters" <<< "$probe"; then
    echo "[fuzz.sh] FAILED: $FUZZER has no coverage instrumentation" >&2
    exit 1
fi

mkdir -p Fuzz/corpus-work
echo "[fuzz.sh] fuzzing for ${SECONDS_TO_RUN}s" >&2
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
