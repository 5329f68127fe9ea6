#!/usr/bin/env python3
"""The API contract under schemathesis: the running service's /openapi.json, every operation, with
the stub as upstream and a real (loopback) Redis; checks for server errors, status codes, content
types, response headers and response schemas (and schemathesis' other checks). Zero failures.

    python3 scripts/reliability/contract.py          # RELIABILITY_FAST=1: fewer examples

A random seed each run (CONTRACT_SEED to repeat one: every run prints the seed it used), bounded
examples per operation (CONTRACT_EXAMPLES, default 50; 15 in the fast form).
The service runs with CLIENT_LIMIT=off: schemathesis asks from one address, mostly uncached
lookups, and would otherwise be answered 429 (documented, but it would test little else).
Prints the counts from schemathesis' JSON report.
"""
import json, os, random, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rel

VERSION = "4.32.5"


def schemathesis():
    venv = os.environ.get("RELIABILITY_VENV", os.path.join(rel.ROOT, ".build", "reliability-venv"))
    exe = os.path.join(venv, "bin", "schemathesis")
    if not os.path.exists(exe):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", "schemathesis==" + VERSION], check=True)
    return exe


def main():
    exe = schemathesis()
    work = rel.workdir("contract")
    stub = rel.Stub(rel.PORT_BASE + 11, work)
    redis = rel.Redis(rel.PORT_BASE + 61, work)
    service = rel.Service(rel.PORT_BASE + 12, stub, work, {
        "REDIS_URL": redis.url(), "REDIS_KEY_PREFIX": "rel-contract:", "CLIENT_LIMIT": "off",
        "LOG_LEVEL": "warning", "TRACKED_PLACES": "London,GB"})
    examples = os.environ.get("CONTRACT_EXAMPLES", "15" if rel.FAST else "50")
    report = os.path.join(work, "report.json")
    started = time.monotonic()
    config = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemathesis.toml")
    # One worker: with two, CPython 3.11's ast module (hypothesis describes its lambdas with it) can
    # fail with "AST constructor recursion depth mismatch" when both threads parse at once.
    seed = os.environ.get("CONTRACT_SEED") or str(random.SystemRandom().randrange(1, 2**31))
    # Two passes over one service. The web pages (`/`, `/place`) take the API's place forms, units
    # and language, and ignore every other parameter name on purpose (a person's link may carry
    # `utm_source=…`), while the document describes their place with the API's strict `Place`
    # schema: so for the pages alone a schema-invalid request need not be refused. Every other
    # check runs on them, and every check on the API.
    pages = "^/(place)?$"
    passes = [
        ("api", ["--checks", "all", "--exclude-path-regex", pages]),
        ("pages", ["--checks", "all", "--exclude-checks", "negative_data_rejection", "--include-path-regex", pages]),
    ]
    returncode = 0
    outputs = []
    for name, selection in passes:
        argv = [exe, "--config-file", config, "run", service.base + "/openapi.json", *selection, "--seed", seed,
                "--max-examples", examples, "--workers", "1", "--request-timeout", "20", "--no-color",
                "--report", "json", "--report-json-path", report if name == "api" else report + "." + name]
        rel.log(" ".join(argv))
        # Run from the work folder: schemathesis writes a .schemathesis/ cache into its current directory.
        run = subprocess.run(argv, capture_output=True, text=True, timeout=1800, cwd=work)
        output = run.stdout + run.stderr
        outputs.append(output)
        returncode = returncode or run.returncode
        # On failure the whole report (its failures and errors come before the summary), bounded; on
        # success the summary.
        lines = output.strip().splitlines()
        print("\n".join(lines[-400:] if run.returncode != 0 else lines[-40:]), file=sys.stderr)
    with open(os.path.join(work, "schemathesis.txt"), "w") as f:
        f.write("\n".join(outputs))
    counts = {}
    try:
        with open(report) as f:
            counts = summarize(json.load(f))
    except (OSError, ValueError) as error:
        counts = {"report_error": str(error)}
    keys = [k for k in redis.cli("--scan", "--pattern", "*").splitlines() if k]  # keys may hold spaces
    foreign = [k for k in keys if not k.startswith("rel-contract:")]
    leaked = rel.API_KEY in service.log_text() or any(rel.API_KEY in k for k in keys)
    line = {"exit_status": returncode, "seed": int(seed), "examples_per_operation": int(examples),
            "seconds": round(time.monotonic() - started, 1), "redis_keys": len(keys),
            "redis_keys_outside_prefix": len(foreign), "foreign_samples": foreign[:3], "api_key_leaked": leaked, **counts}
    ok = returncode == 0 and not foreign and not leaked
    rel.report("contract", line, ok)
    sys.exit(0 if ok else 1)


def summarize(report):
    """The counts of schemathesis' JSON report, whatever its exact layout: operations, test cases,
    checks passed and failed."""
    flat = {}

    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + [key])
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and len(path) <= 3:
            flat[".".join(path)] = value

    walk(report, [])
    return {"report": {k: v for k, v in flat.items() if not k.startswith("meta")}}


if __name__ == "__main__":
    main()
