#!/usr/bin/env bash
# The menu: every check and tool of the repository under one name. `scripts/run.sh` lists them;
# `scripts/run.sh NAME [ARGS...]` runs one (ARGS go to the script it names).
set -euo pipefail
cd "$(dirname "$0")/.."

# name | script and fixed arguments | what it does
TASKS=(
    "test|scripts/test.sh|every test: a loopback Redis, then swift test (the README's test command)"
    "serve|swift run weather-tracker serve|the service on :8000, in demo mode without OPENWEATHER_API_KEY"
    "e2e|scripts/service-e2e.sh|the built service over sockets: the stub upstream, Redis, SIGTERM under load"
    "onecall|scripts/onecall-e2e.sh|One Call 3.0 and 4.0 end to end, two replicas sharing one detection"
    "otel|scripts/otel-e2e.sh|OpenTelemetry traces end to end against a local OTLP receiver"
    "clients|scripts/real-clients-check.sh|real OpenWeather clients (pyowm, requests, curl) against the stub"
    "contract|scripts/client-check.sh|the generated Swift client against every operation of the service"
    "consumer|scripts/consumer-check.sh|a package depending on WeatherCore alone: at most 5 packages"
    "readme|scripts/readme-check.sh|the README's commands, as written"
    "browser|scripts/browser-check.sh|the web pages in headless Chromium, with screenshots"
    "reliability|scripts/reliability/run.sh|hostile input, faults, the contract, a soak, attacks (docs/reliability.md)"
    "fuzz|scripts/fuzz.sh|libFuzzer + AddressSanitizer on the decoders and the request and configuration parsers"
    "container|scripts/container-check.sh|the image built with buildah and run: size, user, health, SIGTERM"
    "kubernetes|scripts/kubernetes-check.sh|the Kubernetes manifests and the compose file against their schemas"
    "replicas|scripts/replicas-check.sh|three replicas behind nginx sharing one Redis"
    "bench|scripts/bench-service.sh|the service benchmark (docs/performance.md)"
    "docs|scripts/docs.sh|the libraries' DocC documentation, warnings as errors"
    "ci|.ci/run|everything CI runs, in order (about half an hour)"
)

if [ "$#" -eq 0 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
    echo "usage: scripts/run.sh NAME [ARGS...]"
    echo
    for task in "${TASKS[@]}"; do
        IFS='|' read -r name command summary <<< "$task"
        printf '  %-12s %s\n' "$name" "$summary"
    done
    exit 0
fi
wanted="$1"
shift
for task in "${TASKS[@]}"; do
    IFS='|' read -r name command summary <<< "$task"
    if [ "$name" = "$wanted" ]; then
        read -r -a words <<< "$command"
        exec "${words[@]}" "$@"
    fi
done
echo "scripts/run.sh: no task named '$wanted' (scripts/run.sh lists them)" >&2
exit 2
