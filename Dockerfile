# weather-tracker serve in a container: two stages, a slim non-root runtime.
#
#   docker build -t weather-tracker .            (or: docker compose up)
#   docker run --rm -p 8000:8000 weather-tracker
#
# Nothing here names an architecture: `docker buildx build --platform linux/amd64,linux/arm64 .`
# builds both from the same file. scripts/container-check.sh builds and runs this file unmodified.

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
# stay shared (ldd: libcurl.so.4, libhiredis.so.0.14, libssl.so.3, libcrypto.so.3, libstdc++, libm,
# libc). Stripped, read-only.
RUN swift build -c release --static-swift-stdlib --product weather-tracker \
    && install -D -m 0555 "$(swift build -c release --static-swift-stdlib --show-bin-path)/weather-tracker" \
        /out/weather-tracker \
    && strip /out/weather-tracker

# ---- runtime: Debian slim, only the libraries the binary loads, a fixed non-root user ----
FROM debian:12.15-slim

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

# libcurl4 (HTTP client; it brings libssl3, which Redis over TLS uses too), libhiredis0.14 (Redis),
# ca-certificates (TLS to OpenWeather and to a managed Redis); nothing else, not even curl: the
# health check is the binary's own `healthcheck` command.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates=20250419~deb12u* \
        libcurl4=7.88.1-10+deb12u* \
        libhiredis0.14=0.14.1-* \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 weather \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin weather

WORKDIR /app

# Owned by root and read-only (0555 from the build stage): the service user runs it, but cannot
# replace it.
COPY --from=build --chown=root:root /out/weather-tracker /usr/local/bin/weather-tracker

USER 10001:10001
# Real weather or nothing: without OPENWEATHER_API_KEY the service refuses to start (exit 2) unless
# demo weather is asked for with `-e DEMO=1`.
ENV DEMO=0
EXPOSE 8000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=10s --start-period=5s --retries=3 CMD ["weather-tracker", "healthcheck"]
ENTRYPOINT ["weather-tracker"]
CMD ["serve"]
