#!/usr/bin/env bash
# Installs the system packages the project builds and tests with (Debian/Ubuntu), if missing.
set -euo pipefail
PACKAGES=(pkg-config libcurl4-openssl-dev libhiredis-dev redis-server redis-tools)
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "[install-deps] installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
