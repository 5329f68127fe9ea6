#!/usr/bin/env bash
# Installs the system packages the project builds and tests with (Debian/Ubuntu), if missing:
#   pkg-config, libcurl4-openssl-dev, libhiredis-dev  to build: WeatherHTTP (libcurl), WeatherCache (hiredis)
#   libssl-dev                                        to build: CRedisTLS (Redis over TLS; libcurl's -dev does not pull it)
#   openssl                                           the TLS tests make their CA and certificates with it
#   redis-server, redis-tools                         the loopback Redis the tests and checks start
#   nginx                                             the load balancer of scripts/replicas-check.sh
# Neither server is started or enabled here: the package's own services are kept from starting
# while they install (policy-rc.d), so nothing listens on :6379 or :80 afterwards.
set -euo pipefail
PACKAGES=(pkg-config libcurl4-openssl-dev libhiredis-dev libssl-dev openssl redis-server redis-tools nginx)
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "[install-deps] installing: ${missing[*]} (build: libcurl, hiredis, OpenSSL; tests: redis-server; replicas check: nginx)" >&2
  guard=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    guard=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$guard" >/dev/null
    $SUDO chmod +x "$guard"
  fi
  status=0
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null || status=$?
  if [ -n "$guard" ]; then $SUDO rm -f "$guard"; fi
  exit "$status"
fi
