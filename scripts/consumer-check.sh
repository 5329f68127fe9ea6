#!/usr/bin/env bash
# The library is cheap to depend on: Examples/CoreConsumer, a package that depends on this one for
# WeatherCore and WeatherTesting with no trait, is resolved and built from nothing (its own scratch
# folder, removed first) and run. Fails when it resolves more than MAX_PACKAGES packages (this one
# included) or when its program fails; prints the count, the packages and the build time.
set -euo pipefail
cd "$(dirname "$0")/../Examples/CoreConsumer"
max_packages="${MAX_PACKAGES:-5}"
scratch=.build-consumer-check
rm -rf "$scratch" Package.resolved

started=$SECONDS
swift package --scratch-path "$scratch" resolve >/dev/null
# The packages in the graph below the consumer, each once: this repository and what it pulls in.
packages=$(swift package --scratch-path "$scratch" show-dependencies --format flatlist | sort -u)
count=$(printf '%s\n' "$packages" | grep -c .)
echo "consumer-check: $count packages resolved (at most $max_packages):" $packages

if ! swift build --scratch-path "$scratch" >"$scratch/build.log" 2>&1; then
    cat "$scratch/build.log"
    echo "consumer-check: the consumer did not build" >&2
    exit 1
fi
built=$((SECONDS - started))
echo "consumer-check: resolved and built from nothing in ${built} s"
"$scratch/debug/CoreConsumer"
rm -rf "$scratch"

if [ "$count" -gt "$max_packages" ]; then
    echo "consumer-check: $count packages resolved, more than $max_packages: a service dependency is not behind a trait" >&2
    exit 1
fi
