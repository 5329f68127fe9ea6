#!/usr/bin/env bash
# Installs the system packages the project builds and tests with (Debian/Ubuntu), if missing.
# nginx is for scripts/replicas-check.sh, which runs its own in the foreground: the package's
# own service is kept from starting while it installs (policy-rc.d), so nothing listens on :80.
set -euo pipefail
PACKAGES=(pkg-config libcurl4-openssl-dev libhiredis-dev redis-server redis-tools nginx)
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "[install-deps] installing: ${missing[*]}" >&2
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
