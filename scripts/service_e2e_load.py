#!/usr/bin/env python3
"""Load for the SIGTERM check of scripts/service-e2e.sh: THREADS keep-alive clients ask distinct
cities (each a miss that goes upstream) until the service stops answering; SIGTERM is sent to
SERVICE_PID once LOAD_BEFORE_SIGNAL requests have completed. Bounded: at most MAX_SECONDS.

Prints one JSON line: completed (a full 200 response), refused (connect refused after the
listener closed), closed (the server closed or reset a keep-alive connection before any byte of
a response), broken (a response cut short or an error status: must be 0), max_latency_ms.
"""
import http.client, json, os, signal, sys, threading, time

port = int(os.environ["PORT"]); pid = int(os.environ["SERVICE_PID"])
threads_n = int(os.environ.get("THREADS", "16")); before = int(os.environ.get("LOAD_BEFORE_SIGNAL", "300"))
max_seconds = float(os.environ.get("MAX_SECONDS", "30"))
lock = threading.Lock()
counts = {"completed": 0, "refused": 0, "closed": 0, "broken": 0}
worst = [0.0]
signalled_at = [0.0]
signalled = threading.Event()
stop_at = time.monotonic() + max_seconds
details = []

def worker(n):
    i = 0
    conn = None
    while time.monotonic() < stop_at:
        i += 1
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        started = time.monotonic()
        try:
            conn.request("GET", f"/v1/weather/current?city=e2ecity{n}x{i}")
        except ConnectionRefusedError:
            with lock: counts["refused"] += 1
            if signalled.is_set(): return
            conn = None; continue
        except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected):
            with lock: counts["closed"] += 1
            conn = None
            if signalled.is_set(): return
            continue
        try:
            response = conn.getresponse()
            body = response.read()
            ok = response.status == 200 and len(body) == int(response.getheader("Content-Length", "-1"))
        except (http.client.RemoteDisconnected, ConnectionResetError):
            # Closed (or reset, for a request it never read) before any byte of a response: the
            # server was closing an idle keep-alive connection. Whether it had accepted the request
            # is settled by comparing the service's log with the completed count.
            with lock: counts["closed"] += 1
            conn = None
            if signalled.is_set(): return
            continue
        except Exception as error:  # cut short, reset mid-response, timeout
            with lock: counts["broken"] += 1; details.append(repr(error))
            conn = None; continue
        with lock:
            if ok: counts["completed"] += 1
            else: counts["broken"] += 1; details.append(f"status {response.status}")
            worst[0] = max(worst[0], (time.monotonic() - started) * 1000)
            if counts["completed"] >= before and not signalled.is_set():
                signalled.set(); signalled_at[0] = time.time(); os.kill(pid, signal.SIGTERM)

threads = [threading.Thread(target=worker, args=(n,)) for n in range(threads_n)]
for t in threads: t.start()
for t in threads: t.join(max_seconds + 15)
print(json.dumps({**counts, "signalled": signalled.is_set(), "max_latency_ms": round(worst[0], 1), "signalled_at": signalled_at[0], "details": details[:5]}))
sys.exit(0 if signalled.is_set() and counts["broken"] == 0 else 1)
