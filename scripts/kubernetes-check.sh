#!/usr/bin/env bash
# Validates the Kubernetes manifests (deploy/kubernetes/) and docker-compose.yml offline; CI runs it
# from .ci/run. See scripts/kubernetes_check.py for what is checked.
#   scripts/kubernetes-check.sh        (needs python3 with venv and PyPI; ~2 s once installed)
# - kubernetes-validate (PyPI, pinned) in a virtual environment under .build (KUBERNETES_CHECK_VENV
#   to put it elsewhere): every resource against the JSON schemas of the Kubernetes versions below,
#   strict (unknown fields rejected). 1.30 is the oldest the manifests claim (the preStop `sleep`
#   action); 1.37 the newest that kubernetes-validate ships schemas for.
# - The compose specification's JSON schema, as shipped in the last Python docker-compose release
#   (1.29.2, Apache-2.0, file compose/config/compose_spec.json, from the compose-spec project): the
#   wheel is downloaded from PyPI without its dependencies, its SHA-256 checked, and only that file
#   read; nothing of docker-compose is installed or run. It is the 2021 schema: a key added to the
#   specification later (develop, include, models…) would be refused as unknown.
# - The properties docs/deployment.md promises (non-root, read-only root filesystem, capabilities
#   dropped, seccomp RuntimeDefault, probes on /health and /ready, the key as a mounted file, …).
set -euo pipefail
cd "$(dirname "$0")/.."
KUBERNETES_VALIDATE_VERSION=1.37.0
JSONSCHEMA_VERSION=4.26.0
KUBERNETES_VERSIONS=(1.30.0 1.37.0)
COMPOSE_WHEEL=docker_compose-1.29.2-py2.py3-none-any.whl
COMPOSE_WHEEL_SHA256=8d5589373b35c8d3b1c8c1182c6e4a4ff14bffa3dd0b605fcd08f73c94cef809
VENV="${KUBERNETES_CHECK_VENV:-$PWD/.build/kubernetes-check-venv}"

python3 -c 'import ensurepip, venv' 2> /dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv > /dev/null
}
installed() {
  "$VENV/bin/python" - "$KUBERNETES_VALIDATE_VERSION" "$JSONSCHEMA_VERSION" 2> /dev/null << 'PY'
import importlib.metadata as m, sys
sys.exit(m.version("kubernetes-validate") != sys.argv[1] or m.version("jsonschema") != sys.argv[2])
PY
}
if ! installed; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check \
    "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" "jsonschema==$JSONSCHEMA_VERSION"
fi

SCHEMA="$VENV/compose_spec.json"
if [ ! -s "$SCHEMA" ]; then
  WHEELS="$(mktemp -d)"
  "$VENV/bin/pip" download -q --disable-pip-version-check --no-deps --only-binary=:all: \
    --dest "$WHEELS" "docker-compose==1.29.2"
  echo "$COMPOSE_WHEEL_SHA256  $WHEELS/$COMPOSE_WHEEL" | sha256sum --check --quiet
  "$VENV/bin/python" -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("compose/config/compose_spec.json"))' \
    "$WHEELS/$COMPOSE_WHEEL" > "$SCHEMA.part"
  mv "$SCHEMA.part" "$SCHEMA"
  rm -rf "$WHEELS"
fi

versions=()
for v in "${KUBERNETES_VERSIONS[@]}"; do versions+=(--kubernetes-version "$v"); done
exec timeout 120 "$VENV/bin/python" scripts/kubernetes_check.py "${versions[@]}" --compose-schema "$SCHEMA"
