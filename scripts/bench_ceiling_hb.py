#!/usr/bin/env python3
"""The ceiling beside our service in the same window: bare Hummingbird (`hbserver`, a pre-encoded
600-byte body; as shipped, and with NIO's event loops as Swift's global executor, the anchor's
variant B2) and `weather-tracker serve` in demo mode (one warm key; with Redis configured when
REDIS_URL is set, as bench-service.sh does, else the memory cache), each started
fresh, warmed 2 s, then wrk -t2 -c50 -d10s --latency on loopback; CPU time from /proc per request,
RSS after. The three alternate for ROUNDS rounds (default 3), so drift on a shared machine hits
all of them alike; each round's ratio ours / bare Hummingbird is kept, and every figure is the
median over the rounds. usage: bench_ceiling_hb.py HBSERVER OUT.json WEATHER_TRACKER"""
import json, os, re, subprocess, sys, time, urllib.request

HZ = os.sysconf("SC_CLK_TCK")
DUR = os.environ.get("DUR", "10")

def cpu_ticks(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])

def rss_kb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"): return int(line.split()[1])
    return 0

def wait_ok(url, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        try:
            if urllib.request.urlopen(url, timeout=1).status == 200: return True
        except Exception: time.sleep(0.05)
    return False

def parse_ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

def measure(name, command, env, url):
    proc = subprocess.Popen(command, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not wait_ok(url.rsplit("/", 1)[0] + "/health" if "hbserver" in command[0] else url): raise SystemExit(f"{name} did not start")
        urllib.request.urlopen(url, timeout=5).read()
        subprocess.run(["wrk", "-t2", "-c50", "-d2s", url], capture_output=True)
        before = cpu_ticks(proc.pid)
        out = subprocess.run(["wrk", "-t2", "-c50", f"-d{DUR}s", "--latency", url], capture_output=True, text=True).stdout
        ticks = cpu_ticks(proc.pid) - before
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
        requests = int(re.search(r"(\d+) requests in", out).group(1))
        p50 = parse_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)); p99 = parse_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
        size = len(urllib.request.urlopen(url, timeout=5).read())
        return {"name": name, "rps": rps, "p50_ms": p50, "p99_ms": p99, "cpu_us_per_req": ticks / HZ * 1e6 / max(requests, 1),
                "rss_mib": rss_kb(proc.pid) / 1024, "body_bytes": size}
    finally:
        proc.terminate(); proc.wait(timeout=15)

hb, out, ours = sys.argv[1], sys.argv[2], sys.argv[3]
servers = [
    ("bare Hummingbird, pre-encoded body", [hb], {"PORT": "18081", "LOG_LEVEL": "warning"}, "http://127.0.0.1:18081/weather"),
    ("bare Hummingbird, NIO global executor", [hb], {"PORT": "18082", "LOG_LEVEL": "warning", "NIO_GLOBAL_EXECUTOR": "1"},
     "http://127.0.0.1:18082/weather"),
]
# Ours with Redis configured when REDIS_URL is given (the target is stated for it), else memory only.
redis = os.environ.get("REDIS_URL", "")
servers.append(
    (f"weather-tracker, warm key ({'Redis' if redis else 'memory'})", [ours, "serve", "--host", "127.0.0.1", "--port", "18083"],
     {"LOG_LEVEL": "warning", "OPENWEATHER_API_KEY": "", "REDIS_URL": redis},
     "http://127.0.0.1:18083/v1/weather/current?city=London&units=metric"))
rounds = [[measure(*server) for server in servers] for _ in range(int(os.environ.get("ROUNDS", "3")))]
for runs in rounds: print(json.dumps(runs), file=sys.stderr)

def median(values):
    values = sorted(values); n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2

rows = []
for i, (name, *_rest) in enumerate(servers):
    runs = [r[i] for r in rounds]
    row = {k: median([run[k] for run in runs]) for k in ("rps", "p50_ms", "p99_ms", "cpu_us_per_req", "rss_mib")}
    row.update(name=name, body_bytes=runs[0]["body_bytes"], rounds=len(runs))
    rows.append(row)
rows[-1]["ratio_to_bare_per_round"] = [r[-1]["rps"] / r[0]["rps"] for r in rounds]
rows[-1]["ratio_to_b2_per_round"] = [r[-1]["rps"] / r[1]["rps"] for r in rounds]
json.dump(rows, open(out, "w"), indent=1)
