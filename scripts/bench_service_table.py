#!/usr/bin/env python3
"""One table from a scripts/bench-service.sh run: the reference's best worker count beside ours,
per scenario, plus the ceiling measured in the same window. usage: bench_service_table.py OUT"""
import glob, json, sys
from pathlib import Path

out = Path(sys.argv[1])

def records(kind):
    files = glob.glob(str(out / kind / "*" / "results.jsonl"))
    return [json.loads(l) for f in files for l in open(f) if l.strip()]

ref, ours = records("reference"), records("ours")
scenarios = [("health", "/health"), ("london_warm", "warm single key"), ("cities1000_warm", "warm 1,000-city rotation"),
             ("cities1000_cold", "cold rotation (after FLUSHALL)"), ("allmiss", "all-miss (new city each request)")]

def rows(recs, scenario):
    return [r for r in recs if r.get("scenario") == scenario and "rps" in r.get("result", {})]

print(f"{'scenario':34} {'reference best':>16} {'ours':>9} {'ratio':>6} | {'p50 ms ref/ours':>16} | {'p99 ms ref/ours':>16} | {'CPU us/req ref/ours':>20}")
for key, title in scenarios:
    r, o = rows(ref, key), rows(ours, key)
    if not r or not o:
        print(f"{title:34} (no result)"); continue
    best = max(r, key=lambda x: x["result"]["rps"]); mine = o[0]
    b, m = best["result"], mine["result"]
    print(f"{title:34} {b['rps']:>10.0f} (W={best['workers']}) {m['rps']:>9.0f} {m['rps'] / b['rps']:>5.1f}x | "
          f"{b['p50_us'] / 1000:>7.2f} / {m['p50_us'] / 1000:<7.2f} | {b['p99_us'] / 1000:>7.2f} / {m['p99_us'] / 1000:<7.2f} | "
          f"{best.get('app_cpu_us_per_req', '-'):>9} / {mine.get('app_cpu_us_per_req', '-'):<9}")

def label(recs, name):
    return next((r for r in recs if r.get("label") == name), None)

for w in ("1", "2"):
    cs_r, mem_r = label(ref, f"coldstart_w{w}"), label(ref, f"mem_after_w{w}")
    if cs_r and mem_r:
        print(f"reference W={w}: start-to-healthy {cs_r['result']['median_ms']:.0f} ms, RSS after load {mem_r['rss_total_kb'] / 1024:.0f} MiB")
cs_o, mem_o = label(ours, "coldstart_w1"), label(ours, "mem_after_w1")
if cs_o and mem_o:
    print(f"ours:          start-to-healthy {cs_o['result']['median_ms']:.0f} ms, RSS after load {mem_o['rss_total_kb'] / 1024:.0f} MiB")
ceiling = out / "ceiling.json"
if ceiling.exists():
    c = json.loads(ceiling.read_text())
    print()
    print(f"same window, wrk -t2 -c50 on loopback, medians of {c[0].get('rounds', 1)} alternating rounds:")
    for row in c:
        print(f"  {row['name']:40} {row['rps']:>8.0f} req/s  p50 {row['p50_ms']:.2f} ms  p99 {row['p99_ms']:.2f} ms  "
              f"{row['cpu_us_per_req']:.0f} us CPU/req  RSS {row['rss_mib']:.0f} MiB  body {row['body_bytes']} B")
    ours_row = c[-1]
    for key, what in (("ratio_to_bare_per_round", "bare Hummingbird"), ("ratio_to_b2_per_round", "bare Hummingbird + NIO executor")):
        ratios = ours_row.get(key)
        if ratios:
            print(f"  ours / {what}: " + ", ".join(f"{r * 100:.0f} %" for r in ratios) + " of its req/s, round by round")
