#!/usr/bin/env bash
# The API as a contract, end to end: the typed Swift client generated from the served document
# (Clients/WeatherTrackerClient) calls every operation of the built `weather-tracker serve` in demo
# mode and decodes each answer into its generated type; the committed openapi.json must equal the
# document the service serves, or it fails naming Clients/WeatherTrackerClient/generate.sh.
#   scripts/client-check.sh           (CI runs it; needs curl)
# Builds the service if needed (debug) and client-check (the committed generated code: the generator
# itself is never built here). Every wait is bounded; only the service started here is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v curl > /dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl > /dev/null; }
CLIENT=Clients/WeatherTrackerClient
# Built as a product of Benchmarks/, which depends on the client package by path: CI's step 1 has
# compiled AsyncHTTPClient, NIO and BoringSSL there already, so this adds about 50 s, not 200.
started=$SECONDS
swift build --package-path Benchmarks --product client-check >&2
CHECK="$(swift build --package-path Benchmarks --show-bin-path)/client-check"
echo "[client-check] client-check built in $((SECONDS - started)) s" >&2
DEMO_NAME=client-check
# shellcheck source=scripts/lib/demo-service.sh
source scripts/lib/demo-service.sh
started=$SECONDS
timeout 180 "$CHECK" "$DEMO_BASE" --document "$CLIENT/openapi.json"
echo "[client-check] every operation called and decoded in $((SECONDS - started)) s" >&2
