#!/usr/bin/env python3
"""The attacks of docs/reliability.md's "Attacks" table replayed against the built binary, each with its
own inputs, under a 1024 file-descriptor limit: the process stays alive throughout, no answer is
served to a request that did not ask for it, a client's upstream calls stay within its budget,
the account's budget holds in every 60 s window across a Redis outage and restart, and RSS stays
flat under a pipeliner that never reads.

    python3 scripts/reliability/attack.py [scenario ...]   (default: all; RELIABILITY_FAST=1: shorter)

Scenarios: fds poison spellings diacritics budget account pipeliner. One JSON line each on stdout.
"""
import os, random, resource, socket, string, sys, time, urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rel

FD_LIMIT = 1024  # systemd's default soft limit, and here the hard one too: the service cannot raise it
BASE = rel.PORT_BASE + 60


def at_fd_limit():
    resource.setrlimit(resource.RLIMIT_NOFILE, (FD_LIMIT, FD_LIMIT))


def json_get(service, path, headers=None):
    status, fields, body = rel.http_get(service.base + path, headers=headers)
    import json
    try:
        return status, {k.lower(): v for k, v in fields.items()}, json.loads(body or b"null")
    except ValueError:
        return status, {k.lower(): v for k, v in fields.items()}, None


def raw_get(port, target, extra=b""):
    """One raw request on its own connection: (status, body bytes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + extra + b"\r\n")
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def alive(service):
    return service.process.poll() is None


def fds(stub, work):
    """Far more connections than descriptors: the process survives, refuses past its cap, recovers."""
    service = rel.Service(BASE + 1, stub, work, {"CLIENT_LIMIT": "off"}, name="fds", preexec=at_fd_limit)
    limit = open("/proc/%d/limits" % service.pid).read()
    held, refused_connects = [], 0
    attempts = 1_500 if rel.FAST else 3_000
    for i in range(attempts):  # each sends a lookup too: held requests, not only idle sockets
        try:
            s = socket.create_connection(("127.0.0.1", service.port), timeout=2)
            s.sendall(b"GET /v1/weather/current?city=Fd%d HTTP/1.1\r\nHost: x\r\n\r\n" % i)
            held.append(s)
        except OSError:
            refused_connects += 1
    time.sleep(8)  # the crash came ~6 s after the descriptors ran out
    survived = alive(service)
    for s in held:
        s.close()
    healthy = survived and rel.wait_until_true(lambda: rel.http_get(service.base + "/health", timeout=2)[0] == 200, 20)
    metrics = rel.http_get(service.base + "/metrics")[2].decode() if healthy else ""
    refused_metric = sum(float(line.split()[-1]) for line in metrics.splitlines()
                         if line.startswith("http_connections_refused_total") or
                         line.startswith("weather_connections_refused_total"))
    line = {"fd_limit": FD_LIMIT, "attempts": attempts, "held": len(held), "connect_failures": refused_connects,
            "alive_after_8s": survived, "healthy_after": healthy, "refused_metric": refused_metric,
            "limits_line": [l for l in limit.splitlines() if "open files" in l][0].split()[3:5]}
    rel.stop(service.process)
    return line, survived and healthy and refused_metric > 0


def poison(stub, work):
    """A request target spelled like another question's normalized key never answers that question."""
    service = rel.Service(BASE + 2, stub, work, {"CLIENT_LIMIT": "off"}, name="poison")
    wrong = []
    for city, units, lang in [("Quito", "imperial", "de"), ("Perth", "metric", "fr"), ("Accra", "standard", "en")]:
        key = ("/v1/weather/current?city=%s|%s|%s" % (city.lower(), units, lang)).encode()
        status, _ = raw_get(service.port, key)  # the attacker first
        for spelling in ["city=%s&units=%s&lang=%s" % (city, units, lang),
                         "lang=%s&units=%s&city=%s" % (lang, units, city.upper())]:
            status, _, body = json_get(service, "/v1/weather/current?" + spelling)
            got = (body or {}).get("units"), ((body or {}).get("data") or {}).get("name")
            if status != 200 or got != (units, city):
                wrong.append("%s → %s %s" % (spelling, status, got))
    line = {"victims": 6, "wrong_answers": len(wrong), "samples": wrong[:3], "alive": alive(service)}
    rel.stop(service.process)
    return line, not wrong and line["alive"]


def spellings(stub, work):
    """A flood of cheap distinct spellings evicts only spellings: the victims' answers stay warm."""
    service = rel.Service(BASE + 3, stub, work, {"CLIENT_LIMIT": "off", "NEAR_CACHE_ENTRIES": "64"}, name="spellings")
    victims = ["Lyon", "Graz", "Bergen", "Turku"]
    for city in victims:
        json_get(service, "/v1/weather/current?city=" + city)
    flood = 600 if rel.FAST else 3_000
    rng = random.Random(7)
    for i in range(flood):  # case permutations of one warm city: each a distinct target, no upstream call
        name = "".join(c.upper() if rng.random() < 0.5 else c for c in "zaragoza")
        json_get(service, "/v1/weather/current?city=%s&lang=en" % name if i % 2 else "/v1/weather/current?city=" + name)
    calls_before = stub.calls()
    misses = []
    for city in victims:
        status, fields, _ = json_get(service, "/v1/weather/current?city=" + city.upper())
        if fields.get("x-cache") != "HIT":
            misses.append("%s: %s %s" % (city, status, fields.get("x-cache")))
    line = {"flood": flood, "victims": len(victims), "victims_not_hit": len(misses), "samples": misses,
            "upstream_calls_after_flood": stub.calls() - calls_before}
    rel.stop(service.process)
    return line, not misses and line["upstream_calls_after_flood"] == 0


def diacritics(stub, work):
    """Names that differ by diacritics or compatibility forms are different places."""
    service = rel.Service(BASE + 4, stub, work, {"CLIENT_LIMIT": "off"}, name="diacritics")
    wrong = []
    for first, second in [("Koln", "Köln"), ("Malmo", "Malmö"), ("Jena", "Jéna"), ("Lodz", "Łódź"), ("Abc", "Ａｂｃ")]:
        json_get(service, "/v1/weather/current?city=" + urllib.parse.quote(first))
        status, fields, body = json_get(service, "/v1/weather/current?city=" + urllib.parse.quote(second))
        name = ((body or {}).get("data") or {}).get("name")
        if fields.get("x-cache") == "HIT" or name != second:
            wrong.append("%s after %s → %s %s" % (second, first, fields.get("x-cache"), name))
    line = {"pairs": 5, "wrong": len(wrong), "samples": wrong}
    rel.stop(service.process)
    return line, not wrong


def budget(stub, work):
    """Every route and page charges each upstream call to its client: never more than its budget."""
    burst = 6
    service = rel.Service(BASE + 5, stub, work, {
        "CLIENT_LIMIT_BURST": str(burst), "CLIENT_LIMIT_RATE": "0.001", "TRUSTED_PROXY_HOPS": "1",
        "TRACKED_PLACES": "Oslo,NO;Lima,PE"}, name="budget")
    # The tracker's first round is its own (no client pays for it): let it finish first.
    quiet = [stub.stats()["requests"], time.monotonic()]

    def settled():
        now = stub.stats()["requests"]
        if now != quiet[0]:
            quiet[:] = [now, time.monotonic()]
        return time.monotonic() - quiet[1] > 2

    rel.wait_until(settled, 30, "the tracker's first round")
    over = []
    per_client = {}
    for index, client in enumerate(["198.51.100.%d" % i for i in range(1, 5)]):
        headers = {"X-Forwarded-For": client}
        before = stub.stats()["requests"]
        suffix = "%d%s" % (index, "".join(random.choice(string.ascii_lowercase) for _ in range(4)))
        paths = ["/place?city=Town" + suffix, "/place?city=Village" + suffix, "/?city=Hamlet" + suffix,
                 "/?lang=%s" % ["de", "fr", "es", "it"][index], "/v1/air?city=City" + suffix,
                 "/v1/weather/onecall?city=Spot" + suffix, "/weather/Burg" + suffix,
                 "/v1/weather/forecast?city=Dorf" + suffix]
        for path in paths * 2:
            rel.http_get(service.base + path, headers=headers)
        spent = stub.stats()["requests"] - before
        per_client[client] = spent
        if spent > burst:
            over.append("%s made %d upstream calls (budget %d)" % (client, spent, burst))
    line = {"budget": burst, "upstream_calls_per_client": per_client, "over_budget": over, "alive": alive(service)}
    rel.stop(service.process)
    return line, not over and line["alive"]


def account(stub, work):
    """60 a minute and 5 One Call a day, across a Redis outage and a restart without persistence."""
    redis = rel.Redis(BASE + 6, work)
    service = rel.Service(BASE + 7, stub, work, {
        "CLIENT_LIMIT": "off", "REDIS_URL": redis.url(), "QUOTA_PER_MINUTE": "60", "QUOTA_ONECALL_PER_DAY": "5",
        "REDIS_KEY_PREFIX": "attack-%d:" % random.randrange(10**6)}, name="account")
    before = stub.stats()
    start = time.monotonic()

    def ask(count, tag):
        for i in range(count):
            rel.http_get(service.base + "/v1/weather/current?city=Acct%s%d" % (tag, i))

    ask(60, "a")
    redis.kill()
    ask(60, "b")
    minute_calls = stub.calls() - before["paths"].get("/data/2.5/weather", 0)
    elapsed = time.monotonic() - start
    redis.start()
    rel.stop(service.process)
    # The day: a second service (the minute above is spent), its own key prefix.
    service = rel.Service(BASE + 9, stub, work, {
        "CLIENT_LIMIT": "off", "REDIS_URL": redis.url(), "QUOTA_PER_MINUTE": "1000", "QUOTA_ONECALL_PER_DAY": "5",
        "REDIS_KEY_PREFIX": "attack-day-%d:" % random.randrange(10**6)}, name="account-day")
    # One Call 3.0 or 4.0, whichever the stub's key answers on (4.0 spends one call per part).
    onecall_paths = ("/data/3.0/onecall", "/data/4.0/onecall")
    onecall_before = stub.calls_under(*onecall_paths)

    def onecall(count, tag):
        for i in range(count):
            rel.http_get(service.base + "/v1/weather/onecall?lat=%d.5&lon=%d.25" % (i % 80, (hash(tag) + i) % 170))

    time.sleep(0.5)
    onecall(8, "x")
    redis.kill()
    onecall(8, "y")
    redis.start()  # empty: no persistence
    time.sleep(1.5)
    onecall(8, "z")
    onecalls = stub.calls_under(*onecall_paths) - onecall_before
    line = {"per_minute": 60, "current_calls_within_%ds" % round(elapsed): minute_calls,
            "onecall_per_day": 5, "onecall_calls": onecalls, "alive": alive(service)}
    rel.stop(service.process)
    rel.stop(redis.process)
    return line, minute_calls <= 60 and onecalls == 5 and line["alive"]


def pipeliner(stub, work):
    """100,000 pipelined requests from a client that never reads: RSS stays flat."""
    service = rel.Service(BASE + 8, stub, work, {"CLIENT_LIMIT": "off"}, name="pipeliner")
    target = b"/v1/weather/current?city=Pipeville"
    raw_get(service.port, target)  # warm: the fast path answers every repeat
    before = service.rss_kib()
    count = 100_000
    request = b"GET " + target + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    s = socket.create_connection(("127.0.0.1", service.port), timeout=2)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sent = 0
    deadline = time.monotonic() + (8 if rel.FAST else 20)
    s.setblocking(False)
    while sent < count and time.monotonic() < deadline:
        try:
            s.send(request * 100)
            sent += 100
        except BlockingIOError:
            time.sleep(0.01)  # the server stopped reading: the backpressure this checks
    after = before
    for _ in range(60):  # the highest RSS over 6 s, while the server does what it will with them
        after = max(after, service.rss_kib())
        time.sleep(0.1)
    s.close()
    healthy = rel.http_get(service.base + "/health")[0] == 200
    growth = after - before
    line = {"requests_sent": sent, "rss_before_kib": before, "rss_after_kib": after, "growth_kib": growth,
            "healthy_after": healthy}
    rel.stop(service.process)
    return line, growth < 4 * 1024 and healthy


SCENARIOS = {"fds": fds, "poison": poison, "spellings": spellings, "diacritics": diacritics, "budget": budget,
             "account": account, "pipeliner": pipeliner}


def main():
    names = sys.argv[1:] or list(SCENARIOS)
    work = rel.workdir("attack")
    stub = rel.Stub(BASE, work)
    ok_all = True
    for name in names:
        started = time.monotonic()
        try:
            line, ok = SCENARIOS[name](stub, work)
        except rel.Failed as error:
            line, ok = {"error": str(error)}, False
        line["seconds"] = round(time.monotonic() - started, 1)
        rel.report("attack:" + name, line, ok)
        ok_all = ok_all and ok
    sys.exit(0 if ok_all else 1)


if __name__ == "__main__":
    main()
