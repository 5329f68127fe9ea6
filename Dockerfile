# weather-tracker serve in a container: build, assemble a distroless root, run it from scratch.
#
#   docker build -t weather-tracker .            (or: docker compose up)
#   docker run --rm -p 8000:8000 weather-tracker
#
# Nothing here names an architecture: `docker buildx build --platform linux/amd64,linux/arm64 .`
# builds both from the same file. scripts/container-check.sh builds and runs this file unmodified.
#
# The runtime image is distroless, the way the distroless project assembles one: no shell, no
# package manager, no dpkg database; only the files the binary needs, taken from Debian's packages
# in an intermediate stage (the `rootfs` stage below) and copied onto `scratch`: the shared libraries
# `ldd` resolves for the binary and its crash backtracer (libcurl4 and its dependencies, libssl3,
# libhiredis0.14, libstdc++, libgcc_s, libm, libc and the loader), each with its package's copyright
# file; the CA bundle; the time-zone data; /etc/passwd and /etc/group with uid/gid 10001 `weather`;
# /tmp. The health check is the binary's own `healthcheck` command, so nothing needs a shell.
#
# Crash backtraces: Swift's runtime catches a crash and runs the toolchain's statically linked
# backtracer (swift-backtrace-static, 7.2 MB stripped, at /usr/libexec/swift/linux/), which prints
# every thread's stack to the container's log (stderr); SWIFT_BACKTRACE below points the runtime at it
# (a statically linked binary cannot find it by itself) and turns off colour and interaction. Set
# SWIFT_BACKTRACE=enable=no to turn it off. Function names come from the binary's symbol table, cut
# to the functions of our own modules and the runtime's C entry points (`swift_*`): 1.4 MB over a full
# strip (75.0 → 76.3 MB). The whole table (`strip --strip-debug`) would cost 21.6 MB and break the
# size bound; the compact alternative, an xz'd table in .gnu_debugdata (MiniDebugInfo), crashes the
# Swift 6.3.1 backtracer as it decodes it. Frames in the dependencies and Foundation are therefore
# printed with the nearest kept name and a large offset (`swift_willThrowTyped + 3708183`): read those
# as addresses; the image list at the end of the backtrace and the unstripped binary of the build
# stage (`docker build --target build`, /out/weather-tracker.full) resolve them with addr2line.
#
# FoundationEssentials, measured for the ≤ 50 MB moonshot (not done). Full Foundation is ~44 MB of the
# binary: a static hello world is 57.9 MB stripped with `import Foundation` and 13.7 MB with `import
# FoundationEssentials` (Swift 6.3.1, x86_64), the difference being ICU's data and
# FoundationInternationalization. 127 of our 358 source files `import Foundation`; what they use that
# FoundationEssentials lacks (checked by compiling each call against it alone):
#   - time-zone names: `TimeZone(identifier: "Europe/London")` is nil without FoundationInternationalization
#     (ICU), and a static link drops it unless something uses it: OneCall's `timezone`, the stub's
#     zones, the pages' local clocks. Essentials keeps Date, Calendar, GMT offsets, ISO 8601 styles;
#   - `precomposedStringWithCanonicalMapping` (NFC of cache keys), `folding(options:)` (the stub's
#     city search), `replacingOccurrences`/`range(of:)` (7 files), `components(separatedBy:)`,
#     `trimmingCharacters(in:)` with `CharacterSet`;
#   - `JSONSerialization` (the log lines, the OpenAPI document, JSON scalars, the stub's faults; JSONEncoder
#     and JSONDecoder are in Essentials), `String(format:)` and `ISO8601DateFormatter` (the CLI);
#   - dependencies: swift-mustache imports Foundation in 7 files with no FoundationEssentials path;
#     Hummingbird's `FullFoundation` trait is on in Package.swift (off, Hummingbird uses Essentials).
# Even done, the image would be ~62 MB, not 50: ~31 MB of binary, plus the 31.4 MB this one already
# ships beside it — 22.2 MB of shared libraries, most of them libcurl's tree (OpenSSL, GnuTLS,
# Kerberos, LDAP, libssh2, …), the 7.2 MB backtracer, 0.7 MB of zone data, 0.7 MB of copyright files.
# ≤ 50 MB also needs an HTTP client without libcurl's tree (e.g. one on swift-nio) or no backtracer.

# ---- build: the official Swift image, pinned (toolchain + the usual build packages, bookworm) ----
FROM swift:6.3.1-bookworm AS build

# hiredis's and OpenSSL's headers (Redis over TLS: Sources/CRedisTLS) are the build packages the
# official image does not have. Versions are pinned to the Debian release's upstream version; the
# glob still takes its security updates.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libhiredis-dev=0.14.1-* libssl-dev=3.0.* \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src

# Dependencies in their own layer: re-resolved only when the manifest changes.
COPY Package.swift ./
RUN swift package resolve

# Then the sources. The manifest declares every target, so SwiftPM wants each one's folder.
COPY Sources ./Sources
COPY Examples ./Examples
COPY Tests ./Tests

# Swift's runtime, Foundation and the dependencies are linked in; libcurl, hiredis, OpenSSL and libc
# stay shared. Kept whole here (debug information and all); the next stage decides what ships. The
# backtracer comes from the toolchain that built the binary (/usr/libexec in the official image;
# wherever `swift` lives in another), fully stripped: its own names are not needed.
RUN swift build -c release --static-swift-stdlib --product weather-tracker \
    && install -D -m 0555 "$(swift build -c release --static-swift-stdlib --show-bin-path)/weather-tracker" \
        /out/weather-tracker.full \
    && install -D -m 0555 \
        "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")/libexec/swift/linux/swift-backtrace-static" \
        /out/swift-backtrace-static \
    && strip /out/swift-backtrace-static

# ---- binary: what ships of the build (its own stage, so changing it does not rebuild) ----
FROM build AS binary
SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# Stripped, but for a symbol table of the functions a crash's backtrace should name: those of our own
# modules (Sources/*: Swift symbols mangled with the module's name) and the Swift runtime's C entry
# points (swift_*, main): 1.4 MB, where the whole table would cost 21.6 MB (see the header).
RUN for d in Sources/*/; do m="$(basename "$d")" && m="${m//-/_}" && printf '%s%s\n' "${#m}" "$m"; done >/out/modules \
    && nm --defined-only --format=posix /out/weather-tracker.full | awk '$2 == "T" || $2 == "t" { print $1 }' \
        | grep -E -e "^(swift_|main\$)" -f /out/modules >/out/keep-symbols \
    && objcopy --strip-all --remove-section .comment --keep-symbols=/out/keep-symbols \
        /out/weather-tracker.full /out/weather-tracker \
    && chmod 0555 /out/weather-tracker \
    && echo "binary: $(stat -c %s /out/weather-tracker) bytes; function names kept: $(wc -lc </out/keep-symbols)" \
        "(lines, bytes) of $(nm --defined-only --format=posix /out/weather-tracker.full | awk '$2 == "T" || $2 == "t" { print $1 }' | wc -lc)" \
    && nm --defined-only --format=posix /out/weather-tracker.full | awk '$2 == "T" || $2 == "t" { n = $1; m = "(other)"; \
        if (match(n, /^\$s[0-9]+/)) m = substr(n, RLENGTH + 1, substr(n, 3, RLENGTH - 2) + 0); \
        else if (n ~ /^_Z/) m = "(C++)"; else if (n ~ /^swift_/) m = "(swift_)"; \
        b[m] += length(n); c[m]++ } END { for (m in b) print "names by module:", b[m], c[m], m }' | sort -k4,4rn | awk 'NR <= 30'

# ---- rootfs: the runtime's files, taken from Debian's packages (nothing of this stage ships but /rootfs) ----
FROM debian:12.15-slim AS rootfs
SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# The packages whose files the runtime needs. Installed here, not in the image: their maintainer
# scripts build the CA bundle and the loader's view of the libraries; only the files are copied on.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates=20250419~deb12u* \
        libcurl4=7.88.1-10+deb12u* \
        libhiredis0.14=0.14.1-* \
        libssl3=3.0.* \
        tzdata=202* \
    && rm -rf /var/lib/apt/lists/*

COPY --from=build /out/swift-backtrace-static /out/
COPY --from=binary /out/weather-tracker /out/

# Every file `ldd` resolves for the two binaries (the loader included), under its canonical
# directory, with the symbolic links that lead to it and the merged-/usr links (/lib → usr/lib, …);
# then each owning package's copyright file, the CA bundle, the zone data (without tzdata's right/,
# the leap-second variants no TZ setting here names), os-release (what the backtracer and image
# scanners read to name the platform), the users and /tmp.
RUN root=/rootfs \
    && mkdir -p "$root/usr/libexec/swift/linux" "$root/etc/ssl/certs" "$root/usr/share" \
    && cp -a /out/swift-backtrace-static "$root/usr/libexec/swift/linux/" \
    && for d in /lib /lib32 /lib64 /libx32; do if [ -L "$d" ]; then cp -a "$d" "$root/"; fi; done \
    && ldd /out/weather-tracker /out/swift-backtrace-static \
        | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $2 ~ /^\(0x/ { print $1 }' | sort -u >/tmp/libs \
    && while read -r f; do \
        while :; do \
            dir="$(readlink -f "$(dirname "$f")")" && f="$dir/$(basename "$f")" \
            && mkdir -p "$root$dir" && cp -a "$f" "$root$dir/" \
            && if [ -L "$f" ]; then t="$(readlink "$f")" && case "$t" in /*) f="$t" ;; *) f="$dir/$t" ;; esac; \
               else echo "*/$(basename "$f")" >>/tmp/files && break; fi; \
        done; \
    done </tmp/libs \
    && xargs -d '\n' dpkg -S </tmp/files | sed 's/: \/.*//; s/, /\n/g' | sed 's/:.*//' | sort -u >/tmp/packages \
    && printf '%s\n' ca-certificates tzdata >>/tmp/packages \
    && while read -r p; do install -D -m 0644 "/usr/share/doc/$p/copyright" "$root/usr/share/doc/$p/copyright"; done </tmp/packages \
    && cp -a /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/" \
    && cp -a /usr/share/zoneinfo "$root/usr/share/" && rm -rf "$root/usr/share/zoneinfo/right" \
    && ln -s /usr/share/zoneinfo/Etc/UTC "$root/etc/localtime" \
    && cp -a /usr/lib/os-release "$root/usr/lib/" && ln -s ../usr/lib/os-release "$root/etc/os-release" \
    && printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' 'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin' \
        'weather:x:10001:10001:weather:/nonexistent:/sbin/nologin' >"$root/etc/passwd" \
    && printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' 'weather:x:10001:' >"$root/etc/group" \
    && printf '%s\n' 'passwd: files' 'group: files' 'hosts: files dns' >"$root/etc/nsswitch.conf" \
    && install -d -m 1777 "$root/tmp" \
    && echo "rootfs: $(wc -l </tmp/files) libraries from $(wc -l </tmp/packages) packages: $(tr '\n' ' ' </tmp/packages)"

# ---- runtime: scratch + that root + the binary, a fixed non-root user ----
FROM scratch

ARG VERSION=0.2.0
# Where the source lives, when it is published somewhere: `--build-arg SOURCE_URL=…` sets the label.
ARG SOURCE_URL=""
# The commit built: `docker build --build-arg GIT_COMMIT=$(git rev-parse HEAD) .`. Kept in the
# environment, where the service reads it for weather_tracker_build_info on /metrics.
ARG GIT_COMMIT=unknown
ENV GIT_COMMIT=${GIT_COMMIT}
LABEL org.opencontainers.image.title="weather-tracker" \
      org.opencontainers.image.revision="${GIT_COMMIT}" \
      org.opencontainers.image.description="Weather Tracker HTTP service: OpenWeather lookups with caching (memory or Redis), health, readiness and metrics endpoints." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.licenses="Apache-2.0"

# Two layers: the libraries and data (changes with Debian's updates), then the binary (changes with
# every commit). Owned by root and read-only: the service user runs the binary but cannot replace it.
COPY --from=rootfs /rootfs/ /
COPY --from=binary --chown=0:0 /out/weather-tracker /usr/local/bin/weather-tracker

USER 10001:10001
# scratch has no PATH of its own. SWIFT_BACKTRACE: the runtime cannot find the backtracer of a
# statically linked binary by itself; plain text to stderr, no colour, no waiting for a debugger.
ENV PATH=/usr/local/bin:/usr/bin \
    SWIFT_BACKTRACE="enable=yes,interactive=no,color=no,output-to=stderr,swift-backtrace=/usr/libexec/swift/linux/swift-backtrace-static"
# Real weather or nothing: without OPENWEATHER_API_KEY the service refuses to start (exit 2) unless
# demo weather is asked for with `-e DEMO=1`.
ENV DEMO=0
EXPOSE 8000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=10s --start-period=5s --retries=3 CMD ["weather-tracker", "healthcheck"]
ENTRYPOINT ["weather-tracker"]
CMD ["serve"]
