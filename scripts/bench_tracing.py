#!/usr/bin/env python3
"""What tracing costs on the warm path (the event-loop fast path answering a near-cache hit).

Four servers, each started fresh in demo mode (one warm key, memory cache), warmed 2 s, then
wrk -t2 -c50 -d${DUR}s --latency on loopback; CPU time per request from /proc:
  base        the branch point's binary (no tracing code at all)
  off         this branch, tracing off (no OTEL_* variable)
  on 100 %    this branch exporting every span to RECEIVER (OTLP/HTTP)
  on 1 %      this branch, OTEL_TRACES_SAMPLER=traceidratio, OTEL_TRACES_SAMPLER_ARG=0.01
They alternate for ROUNDS rounds (default 3) so drift on a shared machine hits all alike; each
round's ratio to `base` is kept and every figure is the median over the rounds.
usage: bench_tracing.py BASE_BIN BRANCH_BIN RECEIVER_URL OUT.json"""
import json, os, re, subprocess, sys, time, urllib.request

HZ = os.sysconf("SC_CLK_TCK")
DUR = os.environ.get("DUR", "10")


def cpu_ticks(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def wait_ok(url, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        try:
            if urllib.request.urlopen(url, timeout=1).status == 200:
                return True
        except Exception:
            time.sleep(0.05)
    return False


def parse_ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def measure(name, binary, env, port):
    url = f"http://127.0.0.1:{port}/v1/weather/current?city=London&units=metric"
    command = [binary, "serve", "--host", "127.0.0.1", "--port", str(port)]
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    proc = subprocess.Popen(command, env={**base_env, "LOG_LEVEL": "warning", "DEMO": "1", **env},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not wait_ok(url):
            raise SystemExit(f"{name} did not start")
        subprocess.run(["wrk", "-t2", "-c50", "-d2s", url], capture_output=True)
        before = cpu_ticks(proc.pid)
        out = subprocess.run(["wrk", "-t2", "-c50", f"-d{DUR}s", "--latency", url], capture_output=True, text=True).stdout
        ticks = cpu_ticks(proc.pid) - before
        requests = int(re.search(r"(\d+) requests in", out).group(1))
        return {"name": name, "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
                "p50_ms": parse_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
                "p99_ms": parse_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
                "cpu_us_per_req": ticks / HZ * 1e6 / max(requests, 1)}
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def median(values):
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


base, branch, receiver, out = sys.argv[1:5]
otlp = {"OTEL_EXPORTER_OTLP_ENDPOINT": receiver}
servers = [
    ("base (branch point)", base, {}, 18091),
    ("off (this branch, no OTEL_*)", branch, {}, 18092),
    ("on, 100 % sampled", branch, otlp, 18093),
    ("on, 1 % sampled", branch, {**otlp, "OTEL_TRACES_SAMPLER": "traceidratio", "OTEL_TRACES_SAMPLER_ARG": "0.01"}, 18094),
]
rounds = [[measure(*server) for server in servers] for _ in range(int(os.environ.get("ROUNDS", "3")))]
for runs in rounds:
    print(json.dumps(runs), file=sys.stderr)
rows = []
for i, (name, *_rest) in enumerate(servers):
    runs = [r[i] for r in rounds]
    row = {k: median([run[k] for run in runs]) for k in ("rps", "p50_ms", "p99_ms", "cpu_us_per_req")}
    ratios = [r[i]["rps"] / r[0]["rps"] for r in rounds]
    row.update(name=name, rounds=len(runs), ratio_to_base_per_round=ratios, ratio_to_base=median(ratios))
    rows.append(row)
json.dump(rows, open(out, "w"), indent=1)
print(f"{'server':32} {'req/s':>9} {'x base':>7} {'p50 ms':>7} {'p99 ms':>7} {'CPU us/req':>10}")
for row in rows:
    print(f"{row['name']:32} {row['rps']:9.0f} {row['ratio_to_base']:7.3f} {row['p50_ms']:7.2f} {row['p99_ms']:7.2f} "
          f"{row['cpu_us_per_req']:10.1f}")
