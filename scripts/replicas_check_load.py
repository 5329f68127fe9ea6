#!/usr/bin/env python3
"""Bounded load for scripts/replicas-check.sh: CONCURRENCY keep-alive clients ask
/v1/weather/current?city=<PREFIX><i> for i in [START, START+COUNT), each REPEATS times.

  ORDER=grouped   the REPEATS asks of one city are queued together, so they run at the same
                  time on different replicas (the cross-replica coalescing case); shuffled: random.
  RATE=r          start at most r requests a second (0: as fast as the clients go).
  LOOP_SECONDS=s  cycle through the list until s seconds have passed (else: once through).
  MAX_SECONDS     hard bound on the whole run (default 120).
Prints one JSON object: requests, seconds, per-status counts, X-Cache counts, server_errors (5xx),
bad_429 (a 429 that is not application/problem+json with Retry-After), errors (no response)."""
import http.client, json, os, random, sys, threading, time
from urllib.parse import urlparse

base = urlparse(os.environ["BASE"])
prefix = os.environ.get("PREFIX", "city")
start = int(os.environ.get("START", "0")); count = int(os.environ["COUNT"])
repeats = int(os.environ.get("REPEATS", "1")); concurrency = int(os.environ.get("CONCURRENCY", "16"))
rate = float(os.environ.get("RATE", "0")); loop_seconds = float(os.environ.get("LOOP_SECONDS", "0"))
max_seconds = float(os.environ.get("MAX_SECONDS", "120")); order = os.environ.get("ORDER", "shuffled")

cities = [f"{prefix}{i}" for i in range(start, start + count)]
if order == "grouped":
    queue = [c for c in cities for _ in range(repeats)]
else:
    queue = [c for c in cities for _ in range(repeats)]
    random.Random(7).shuffle(queue)

lock = threading.Lock()
state = {"next": 0}
result = {"requests": 0, "status": {}, "x_cache": {}, "server_errors": 0, "bad_429": 0, "errors": 0}
details = []
began = time.monotonic()
deadline = began + max_seconds

def take():
    with lock:
        i = state["next"]
        if loop_seconds <= 0 and i >= len(queue): return None
        if loop_seconds > 0 and time.monotonic() - began >= loop_seconds: return None
        state["next"] = i + 1
    if rate > 0:
        wait = began + i / rate - time.monotonic()
        if wait > 0: time.sleep(wait)
    return queue[i % len(queue)]

def worker():
    conn = None
    while time.monotonic() < deadline:
        city = take()
        if city is None: break
        for attempt in range(2):  # one reconnect for a keep-alive connection closed while idle
            try:
                if conn is None: conn = http.client.HTTPConnection(base.hostname, base.port, timeout=15)
                conn.request("GET", f"/v1/weather/current?city={city}")
                response = conn.getresponse(); body = response.read()
                break
            except Exception as error:
                conn = None
                if attempt == 1:
                    with lock: result["errors"] += 1; details.append(f"{city}: {error!r}")
                    response = None
        if response is None: continue
        with lock:
            result["requests"] += 1
            key = str(response.status)
            result["status"][key] = result["status"].get(key, 0) + 1
            cache = response.getheader("X-Cache", "-")
            result["x_cache"][cache] = result["x_cache"].get(cache, 0) + 1
            if response.status >= 500:
                result["server_errors"] += 1; details.append(f"{city}: {response.status} {body[:160]!r}")
            if response.status == 429:
                problem = response.getheader("Content-Type", "").startswith("application/problem+json")
                if not (problem and response.getheader("Retry-After", "").isdigit()):
                    result["bad_429"] += 1; details.append(f"{city}: 429 without problem+json/Retry-After")

threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
for t in threads: t.start()
for t in threads: t.join(max(0.0, deadline - time.monotonic()) + 20)
result["seconds"] = round(time.monotonic() - began, 2)
result["per_second"] = round(result["requests"] / max(result["seconds"], 0.001), 1)
result["details"] = details[:5]
print(json.dumps(result))
