"""Checks the spans scripts/otel-e2e.sh collected (one JSON line each, from otlp_receiver.py).

    python otel_e2e_check.py SPANS_FILE SERVICE_LOG MISS_TRACE MISS_PARENT HIT_TRACE HIT_PARENT

The miss: server span (child of the incoming traceparent, its tracestate kept) → lookup →
Redis GET (miss) and lock (acquired) → upstream attempt 1 → Redis SET, in that order. The hit:
one server span answered on the fast path, child of its own incoming traceparent. The service's
JSON log line of each request carries its trace_id and span_id. Exits non-zero naming what is wrong.
"""

import json
import sys

spans_file, log_file, miss_trace, miss_parent, hit_trace, hit_parent = sys.argv[1:7]
spans = [json.loads(line) for line in open(spans_file)]
problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)
    return condition


def one(trace, name, kind=None, parent=None):
    found = [s for s in spans if s["trace_id"] == trace and s["name"] == name and (kind is None or s["kind"] == kind)]
    if parent is not None:
        found = [s for s in found if s["parent_span_id"] == parent]
    expect(found, f"no span {name!r} ({kind}) under parent {parent} in trace {trace}: "
           f"{[(s['name'], s['parent_span_id']) for s in spans if s['trace_id'] == trace]}")
    return found[0] if found else None


miss = [s for s in spans if s["trace_id"] == miss_trace]
server = one(miss_trace, "/v1/weather/current", "SPAN_KIND_SERVER", miss_parent)
if server:
    expect(server["trace_state"] == "vendor=e2e", f"tracestate not kept: {server['trace_state']!r}")
    expect(server["attributes"].get("http.response.status_code") == 200, f"server status: {server['attributes']}")
    lookup = one(miss_trace, "lookup current", "SPAN_KIND_INTERNAL", server["span_id"])
    if lookup:
        expect(lookup["attributes"].get("weather.cache.outcome") == "miss", f"lookup outcome: {lookup['attributes']}")
        children = sorted((s for s in miss if s["parent_span_id"] == lookup["span_id"]), key=lambda s: s["start"])
        names = [s["name"] for s in children]
        expect(all(s["kind"] == "SPAN_KIND_CLIENT" for s in children), f"lookup children not all client spans: {names}")
        get = one(miss_trace, "redis GET", "SPAN_KIND_CLIENT", lookup["span_id"])
        lock = one(miss_trace, "redis lock", "SPAN_KIND_CLIENT", lookup["span_id"])
        quota = one(miss_trace, "redis quota", "SPAN_KIND_CLIENT", lookup["span_id"])
        upstream = one(miss_trace, "upstream current", "SPAN_KIND_CLIENT", lookup["span_id"])
        store = one(miss_trace, "redis SET", "SPAN_KIND_CLIENT", lookup["span_id"])
        if get and lock and quota and upstream and store:
            expect(get["attributes"].get("weather.cache.outcome") == "miss", f"GET outcome: {get['attributes']}")
            expect(lock["attributes"].get("weather.lock.outcome") == "acquired", f"lock: {lock['attributes']}")
            a = upstream["attributes"]
            expect(a.get("weather.upstream.attempt") == 1 and a.get("weather.endpoint_family") == "current"
                   and a.get("weather.upstream.outcome") == "ok", f"upstream attributes: {a}")
            q = quota["attributes"]
            expect(q.get("weather.quota.outcome") == "granted" and q.get("weather.endpoint_family") == "current",
                   f"quota attributes: {q}")
            expect(get["start"] <= lock["start"] <= quota["start"] <= upstream["start"] <= store["start"],
                   f"order is not GET, lock, quota, upstream, SET: {names}")
            expect(store["attributes"].get("weather.cache.outcome") == "stored", f"SET: {store['attributes']}")
        print(f"[otel-e2e] miss: {server['name']} → {lookup['name']} → {' → '.join(names)}", file=sys.stderr)

hit = [s for s in spans if s["trace_id"] == hit_trace]
expect(len(hit) == 1, f"a fast-path hit is one span, got {[s['name'] for s in hit]}")
if hit:
    h = hit[0]
    expect(h["kind"] == "SPAN_KIND_SERVER" and h["parent_span_id"] == hit_parent, f"hit span: {h}")
    expect(h["attributes"].get("weather.fast_path") is True and h["attributes"].get("weather.cache") == "HIT",
           f"hit attributes: {h['attributes']}")
    print(f"[otel-e2e] hit: one server span on the fast path, parent {hit_parent}", file=sys.stderr)

lines = [json.loads(line) for line in open(log_file) if line.startswith("{")]
requests = [line for line in lines if line.get("message") == "request"]
for trace, span in ((miss_trace, server), (hit_trace, hit[0] if hit else None)):
    logged = [line for line in requests if line.get("trace_id") == trace]
    if expect(logged, f"no request log line with trace_id {trace}") and span:
        expect(logged[0].get("span_id") == span["span_id"],
               f"log line span_id {logged[0].get('span_id')} is not the server span's {span['span_id']}")

if problems:
    print("[otel-e2e] FAIL:\n  " + "\n  ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"[otel-e2e] span tree, parents, traceparent/tracestate and log trace ids: ok ({len(spans)} spans)",
      file=sys.stderr)
