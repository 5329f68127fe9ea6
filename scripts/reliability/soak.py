#!/usr/bin/env python3
"""The soak: mixed load (hits, misses, errors, 304s) for 5 minutes against the service with the stub
upstream and a loopback Redis; after the warm-up, RSS grows < 10 % and open fds do not grow.

    python3 scripts/reliability/soak.py          # 300 s (SOAK_SECONDS), warm-up 60 s
    RELIABILITY_FAST=1 python3 scripts/reliability/soak.py     # 60 s, warm-up 20 s

Mix per request: 70 % hits (a warm set of 50 cities, half with If-None-Match → 304), 15 % misses
(a new city each), 10 % errors (unknown places → 404, bad units → 400), 5 % other routes (forecast,
health). The caches are bounded (NEAR_CACHE_ENTRIES=2000), so the misses fill them during the
warm-up and the rest of the run shows whether anything else grows. Prints both series (every
SAMPLE seconds) and one JSON line.
"""
import asyncio, json, os, random, sys, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rel

SECONDS = int(os.environ.get("SOAK_SECONDS", "60" if rel.FAST else "300"))
WARMUP = int(os.environ.get("SOAK_WARMUP", "20" if rel.FAST else "60"))
SAMPLE = 5 if rel.FAST else 10
RATE = int(os.environ.get("SOAK_RATE", "400"))


def main():
    work = rel.workdir("soak")
    stub = rel.Stub(rel.PORT_BASE + 21, work)
    redis = rel.Redis(rel.PORT_BASE + 62, work)
    service = rel.Service(rel.PORT_BASE + 22, stub, work, {
        "REDIS_URL": redis.url(), "REDIS_KEY_PREFIX": "rel-soak:", "CLIENT_LIMIT": "off", "LOG_LEVEL": "warning",
        "NEAR_CACHE_ENTRIES": "2000", "CACHE_TTL_CURRENT": "30"})
    warm = ["Soak%02d" % i for i in range(50)]
    tags = {}
    for city in warm:
        status, headers, _ = rel.http_get(service.base + "/v1/weather/current?city=" + city)
        rel.check(status == 200, "warming %s: %d" % (city, status))
        tags[city] = headers.get("ETag") or headers.get("etag")
    fresh = iter(range(10**8))
    expected = {}

    def next_request(worker, n):
        roll = random.random()
        if roll < 0.35:
            city = random.choice(warm)
            return "/v1/weather/current?city=" + city, None
        if roll < 0.70:
            city = random.choice(warm)
            return "/v1/weather/current?city=" + city, {"If-None-Match": tags[city]}
        if roll < 0.85:
            return "/v1/weather/current?city=SoakNew%d" % next(fresh), None
        if roll < 0.90:
            return "/v1/weather/current?city=nowhere%d" % random.randrange(1000), None
        if roll < 0.95:
            return "/v1/weather/current?city=Bonn&units=kelvin", None
        if roll < 0.98:
            return "/v1/weather/forecast?city=%s&cnt=4" % random.choice(warm), None
        return "/health", None

    def accept(path, status, headers, body):
        if "nowhere" in path:
            return status == 404
        if "kelvin" in path:
            return status == 400
        return status in (200, 304)

    series = []
    started = time.monotonic()
    stop = threading.Event()

    def sampler():
        while not stop.is_set():
            series.append((round(time.monotonic() - started), service.rss_kib(), service.fds()))
            stop.wait(SAMPLE)

    thread = threading.Thread(target=sampler); thread.start()
    result = asyncio.run(rel.load(service.port, next_request, accept, 16, SECONDS, rate=RATE))
    stop.set(); thread.join(SAMPLE + 1)
    series.append((round(time.monotonic() - started), service.rss_kib(), service.fds()))
    print("t_s rss_kib fds", file=sys.stderr)
    for t, rss, fds in series:
        print("%4d %8d %4d" % (t, rss, fds), file=sys.stderr)
    after = [s for s in series if s[0] >= WARMUP]
    base_rss, base_fds = after[0][1], after[0][2]
    max_rss = max(s[1] for s in after)
    max_fds = max(s[2] for s in after)
    growth = (max_rss - base_rss) / base_rss
    line = result.summary(stub.calls(), seconds=SECONDS, warmup_s=WARMUP, rss_kib_after_warmup=base_rss,
                          rss_kib_max=max_rss, rss_growth_pct=round(growth * 100, 1), fds_after_warmup=base_fds,
                          fds_max=max_fds, rss_series=[s[1] for s in series], fd_series=[s[2] for s in series],
                          near_cache_bound=2000)
    # fds: a few keep-alive connections come and go (Redis pool, curl); "do not grow" = no trend.
    ok = result.failures == 0 and growth < 0.10 and max_fds <= base_fds + 4
    rel.report("soak", line, ok)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
