#!/usr/bin/env bash
# Fuzzes with libFuzzer + AddressSanitizer, SECONDS (default 60) per target:
#   DecodeFuzzer         every WeatherCore decoder; seeds: Tests/WeatherCoreTests/Fixtures (read-only)
#                        and Fuzz/corpus/decode (inputs an earlier run found)
#   RequestFuzzer        the service's query parsing per lookup route, If-None-Match, X-Forwarded-For,
#                        X-Request-Id; seeds: Fuzz/corpus/request
#   ConfigurationFuzzer  the service's environment parser; seeds: Fuzz/corpus/configuration
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]        (default: all three)
#
# New inputs go to Fuzz/corpus-work/<target>/ (git-ignored). A crash, a sanitizer report, a timeout
# or an out-of-memory writes Fuzz/crash-* (or leak-/timeout-/oom-) and makes this script exit
# non-zero; turn it into a regression XCTest (see docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
shift || true
TARGETS=("$@")
[ "${#TARGETS[@]}" -gt 0 ] || TARGETS=(DecodeFuzzer RequestFuzzer ConfigurationFuzzer)
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
BIN="$("${BUILD[@]}" --show-bin-path)"

# Swift's own backtracer would intercept the signals libFuzzer and ASan need to report a crash.
export SWIFT_BACKTRACE=enable=no

# One target for SECONDS_TO_RUN: its report in Fuzz/corpus-work/<target>.log, its status returned.
fuzz_target() {
    local target="$1" FUZZER="$BIN/$1" probe status=0 seeds options work
    probe="$("$FUZZER" -runs=0 2>&1 || true)"
    if ! grep -q "inline 8-bit counters" <<< "$probe"; then
        echo "[fuzz.sh] FAILED: $FUZZER has no coverage instrumentation" >&2
        return 1
    fi
    case "$target" in
        DecodeFuzzer) seeds=(Tests/WeatherCoreTests/Fixtures Fuzz/corpus/decode); options=(-dict=Fuzz/json.dict -max_len=65536) ;;
        RequestFuzzer) seeds=(Fuzz/corpus/request); options=(-dict=Fuzz/query.dict -max_len=16384) ;;
        ConfigurationFuzzer) seeds=(Fuzz/corpus/configuration); options=(-dict=Fuzz/config.dict -max_len=8192) ;;
        *) echo "[fuzz.sh] unknown target $target" >&2; return 2 ;;
    esac
    work="Fuzz/corpus-work/$target"
    mkdir -p "$work"
    "$FUZZER" "$work" "${seeds[@]}" "${options[@]}" \
        -max_total_time="$SECONDS_TO_RUN" \
        -timeout=10 \
        -rss_limit_mb=2048 \
        -print_final_stats=1 \
        -artifact_prefix="$ROOT/Fuzz/" 2> "$work.log" || status=$?
    return "$status"
}

# The targets run side by side (each single-threaded), so the run takes SECONDS_TO_RUN, not that
# times the number of targets; each reports when all are done.
echo "[fuzz.sh] ${TARGETS[*]}: fuzzing side by side for ${SECONDS_TO_RUN}s" >&2
pids=()
for target in "${TARGETS[@]}"; do
    fuzz_target "$target" &
    pids+=("$!")
done
failed=0
for i in "${!TARGETS[@]}"; do
    target="${TARGETS[$i]}" status=0
    wait "${pids[$i]}" || status=$?
    work="Fuzz/corpus-work/$target"
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE" "$work.log" 2>/dev/null \
        | sed "s/^/[fuzz.sh] $target /" >&2 || true
    if [ "$status" -ne 0 ]; then
        tail -40 "$work.log" >&2 || true
        echo "[fuzz.sh] $target FAILED (exit $status): see the Fuzz/crash-* (or timeout-/oom-/leak-) file above" >&2
        failed="$status"
    else
        echo "[fuzz.sh] $target: no crash in ${SECONDS_TO_RUN}s" >&2
    fi
done
exit "$failed"
