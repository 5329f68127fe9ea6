"""One Call 3.0 and 4.0 end to end: see scripts/onecall-e2e.sh. Every wait is bounded; only the
processes started here are stopped, by PID."""

import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

BIN = os.environ["BIN"]
REDIS_PORT = os.environ.get("REDIS_PORT", "6399")
KEY = f"onecall-e2e-{random.randrange(10**9)}-secret"
WORK = tempfile.mkdtemp(prefix="onecall-e2e-")
CAPTURED = []  # every header and body seen, grepped for the key at the end
PROCESSES = []


def fail(message):
    print(f"[onecall-e2e] FAIL: {message}", file=sys.stderr)
    for name in sorted(os.listdir(WORK)):
        path = os.path.join(WORK, name)
        with open(path, errors="replace") as f:
            tail = f.read()[-1500:]
        print(f"--- {name} (last lines)\n{tail}", file=sys.stderr)
    sys.exit(1)


def start(name, arguments, environment, ready_pattern):
    """Starts BIN with `arguments`, logging to WORK/name.log; returns (process, first match)."""
    log_path = os.path.join(WORK, f"{name}.log")
    log = open(log_path, "w")
    process = subprocess.Popen([BIN, *arguments], stdout=log, stderr=subprocess.STDOUT, env=environment)
    PROCESSES.append(process)
    deadline = time.time() + 30
    while time.time() < deadline:
        with open(log_path, errors="replace") as f:
            match = re.search(ready_pattern, f.read())
        if match:
            return process, match.group(1)
        if process.poll() is not None:
            fail(f"{name} exited with {process.returncode}")
        time.sleep(0.1)
    fail(f"{name} did not start within 30 s")


def stop_all():
    for process in PROCESSES:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in PROCESSES:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
    PROCESSES.clear()


def get(base, path):
    """GET base+path → (status, headers, parsed JSON body or text)."""
    request = urllib.request.Request(base + path)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, headers, raw = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, headers, raw = error.code, dict(error.headers), error.read()
    text = raw.decode("utf-8", "replace")
    CAPTURED.append(json.dumps(headers) + "\n" + text)
    try:
        return status, {k.lower(): v for k, v in headers.items()}, json.loads(text)
    except ValueError:
        return status, {k.lower(): v for k, v in headers.items()}, text


def reset_stub(stub):
    request = urllib.request.Request(stub + "/__stub/reset", method="POST", data=b"")
    with urllib.request.urlopen(request, timeout=30) as response:
        check(response.status == 200, "stub reset")


def stub_calls(stub):
    _, _, stats = get(stub, "/__stub/stats")
    return stats


def upstream_total(stub):
    stats = stub_calls(stub)
    return stats.get("requests", stats.get("total", 0)) if isinstance(stats, dict) else 0


def start_stub(plan):
    return start(
        f"stub-{plan}", ["stub", "--port", "0", "--api-key", KEY, "--onecall-plan", plan], dict(os.environ),
        r"^(http://\S+)")[1]


def start_service(name, stub, prefix):
    environment = dict(os.environ)
    environment.update({
        "OPENWEATHER_API_KEY": KEY, "OPENWEATHER_BASE_URL": stub,
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0", "REDIS_KEY_PREFIX": prefix, "LOG_FORMAT": "json",
        "QUOTA_PER_MINUTE": "100000", "CLIENT_LIMIT": "off", "ONECALL_VERSION": "auto", "SHUTDOWN_TIMEOUT": "5",
    })
    port = start(name, ["serve", "--host", "127.0.0.1", "--port", "0"], environment,
                 r"listening on http://127\.0\.0\.1:(\d+)")[1]
    return f"http://127.0.0.1:{port}"


def redis_dump(prefix):
    keys = subprocess.run(["redis-cli", "-p", REDIS_PORT, "--scan", "--pattern", prefix + "*"],
                          capture_output=True, text=True, timeout=30).stdout.split()
    values = [subprocess.run(["redis-cli", "-p", REDIS_PORT, "get", k], capture_output=True,
                             timeout=30).stdout.decode("utf-8", "replace") for k in keys]
    return keys, values


def redis_clear(prefix):
    keys, _ = redis_dump(prefix)
    if keys:
        subprocess.run(["redis-cli", "-p", REDIS_PORT, "del", *keys], capture_output=True, timeout=30)


def check(condition, message):
    if not condition:
        fail(message)


def plan_4(prefix):
    stub = start_stub("4.0")
    base = start_service("service-4.0", stub, prefix)
    status, headers, body = get(base, "/v1/weather/onecall?city=London,GB&units=metric")
    check(status == 200, f"4.0 onecall: {status} {body}")
    check(body["data"]["source"]["api"] == "4.0", f"4.0 onecall answered by {body.get('source')}")
    calls = body["data"]["source"]["upstream_calls"]
    check(calls >= 5, f"an assembled One Call cost {calls} calls, expected current + 1min + 3×1h + 1day (+ alerts)")
    check(body["data"]["hourly"] and len(body["data"]["hourly"]) == 48, "48 hourly records")
    check(len(body["data"]["daily"]) == 8, "8 daily records")
    check(len(body["data"]["minutely"]) == 60, "60 minutely records")
    before = upstream_total(stub)
    status, headers, again = get(base, "/v1/weather/onecall?city=London,GB&units=metric")
    check(status == 200 and headers.get("x-cache", "").upper() == "HIT", f"repeat: {status} {headers}")
    check(upstream_total(stub) == before, "a repeat within the parts' freshness went upstream")
    status, _, excluded = get(base, "/v1/weather/onecall?city=Paris,FR&exclude=minutely,hourly,daily,alerts")
    check(status == 200 and excluded["data"]["source"]["upstream_calls"] == 1, f"exclude: {excluded}")
    status, _, timeline = get(base, "/v1/weather/timeline/15min?city=London,GB")
    check(status == 200 and len(timeline["data"]["records"]) >= 150, f"15min timeline: {status} {str(timeline)[:300]}")
    status, _, history = get(base, "/v1/weather/timeline/1h?city=London,GB&start=2024-03-01&end=2024-03-02")
    check(status == 200 and len(history["data"]["records"]) == 24, f"1h history: {status} {str(history)[:300]}")
    status, _, _ = get(base, "/v1/weather/timeline/1h?city=London,GB&start=2000-01-01&end=2001-01-01")
    check(status == 422, "a range needing more pages than the bound is a 422 (well formed, not answerable)")
    status, _, alerts = get(base, "/v1/weather/alerts?city=London,GB")
    check(status == 200 and isinstance(alerts["data"]["alerts"], list), f"alerts: {status} {alerts}")
    _, _, metrics = get(base, "/metrics")
    check('weather_onecall_api{version="4.0"} 1' in metrics, "metric weather_onecall_api for 4.0")
    print(f"[onecall-e2e] plan 4.0: One Call from 4.0 in {calls} calls, a repeat in 0; timelines, alerts, "
          "the metric: ok", file=sys.stderr)
    stop_all()


def plan_3(prefix):
    stub = start_stub("3.0")
    base = start_service("service-3.0", stub, prefix)
    status, _, body = get(base, "/v1/weather/onecall?city=London,GB")
    check(status == 200 and body["data"]["source"]["api"] == "3.0", f"3.0 onecall: {status} {body}")
    status, _, minute = get(base, "/v1/weather/timeline/1min?city=London,GB")
    check(status == 200 and 55 <= len(minute["data"]["records"]) <= 60, f"1min from 3.0: {status} {str(minute)[:300]}")
    status, _, problem = get(base, "/v1/weather/timeline/15min?city=London,GB")
    check(status == 422 and "4.0" in problem.get("detail", ""), f"15min on 3.0: {status} {problem}")
    status, _, alerts = get(base, "/v1/weather/alerts?city=London,GB")
    check(status == 200, f"alerts from 3.0: {status} {alerts}")
    # A second replica on the same Redis reads the verdict: its first One Call goes to 3.0 directly.
    second = start_service("service-3.0-second", stub, prefix)
    reset_stub(stub)
    status, _, body = get(second, "/v1/weather/onecall?city=Berlin,DE&exclude=minutely,hourly,daily,alerts")
    paths = stub_calls(stub).get("paths", {})
    check(status == 200 and body["data"]["source"]["api"] == "3.0", f"second replica: {status} {body}")
    check(not any(p.startswith("/data/4.0/") for p in paths), f"the second replica probed 4.0 again: {paths}")
    _, _, metrics = get(second, "/metrics")
    check('weather_onecall_api{version="3.0"} 1' in metrics, "metric weather_onecall_api for 3.0")
    print("[onecall-e2e] plan 3.0: One Call from 3.0 once 4.0 refused the key; 1min and alerts from 3.0; "
          "15min is a problem naming 4.0; a second replica shares the detection: ok", file=sys.stderr)
    stop_all()


def plan_both(prefix):
    stub = start_stub("both")
    base = start_service("service-both", stub, prefix)
    status, _, body = get(base, "/v1/weather/onecall?city=Oslo,NO")
    check(status == 200 and body["data"]["source"]["api"] == "4.0", f"both: {status} {body.get('source')}")
    stop_all()


def plan_none(prefix):
    stub = start_stub("none")
    base = start_service("service-none", stub, prefix)
    status, _, problem = get(base, "/v1/weather/onecall?city=London,GB")
    check(status in (401, 502, 503) and "One Call" in problem.get("detail", "") and "subscription" in problem.get(
        "detail", ""), f"no plan: {status} {problem}")
    refused = status
    status, _, current = get(base, "/v1/weather/current?city=London,GB")
    check(status == 200, f"current weather without One Call: {status}")
    print(f"[onecall-e2e] plan none: One Call is a {refused} problem saying the key has no One Call subscription; "
          "current weather still works: ok", file=sys.stderr)
    stop_all()


def main():
    prefixes = []
    try:
        for plan, run in (("4.0", plan_4), ("3.0", plan_3), ("both", plan_both), ("none", plan_none)):
            prefix = f"onecall-e2e-{os.getpid()}-{plan}:"
            prefixes.append(prefix)
            run(prefix)
        logs = ""
        for name in os.listdir(WORK):
            with open(os.path.join(WORK, name), errors="replace") as f:
                logs += f.read() if name.startswith("service") else ""
        stored = []
        for prefix in prefixes:
            keys, values = redis_dump(prefix)
            stored += keys + values
        for what, text in (("a service log line", logs), ("a header or body", "\n".join(CAPTURED)),
                           ("a Redis key or value", "\n".join(stored))):
            check(KEY not in text, f"the API key appears in {what}")
        print("[onecall-e2e] the API key appears in no service log, header, body or Redis key/value: ok",
              file=sys.stderr)
        print("[onecall-e2e] passed", file=sys.stderr)
    finally:
        stop_all()
        for prefix in prefixes:
            redis_clear(prefix)


if __name__ == "__main__":
    main()
