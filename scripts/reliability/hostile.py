#!/usr/bin/env python3
"""Hostile input over real sockets: what reaches the HTTP parser before any route does. Each
request is sent raw on its own connection; the answer must be a 4xx (400/404/405/413/414/431), or
for bytes that are not HTTP at all a closed connection, never a 5xx and never a hang; the service
is still healthy afterwards and the stub saw no upstream call for any of it.

    python3 scripts/reliability/hostile.py
"""
import os, socket, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rel

CASES = [
    # (name, raw request bytes, accepted statuses; None = the server may close without answering)
    ("10 kB query", b"GET /v1/weather/current?city=" + b"a" * 10240 + b" HTTP/1.1\r\nHost: x\r\n\r\n", {414}),
    ("100 kB query", b"GET /v1/weather/current?city=" + b"a" * 102400 + b" HTTP/1.1\r\nHost: x\r\n\r\n", {400, 414, 431, None}),
    ("1,000 parameters", b"GET /v1/weather/current?" + b"&".join(b"p%d=1" % i for i in range(1000)) + b" HTTP/1.1\r\nHost: x\r\n\r\n", {400, 414}),
    ("escaped NUL", b"GET /v1/weather/current?city=Bo%00nn HTTP/1.1\r\nHost: x\r\n\r\n", {400}),
    ("raw NUL in the target", b"GET /v1/weather/current?city=Bo\x00nn HTTP/1.1\r\nHost: x\r\n\r\n", {400, None}),
    ("escaped invalid UTF-8", b"GET /v1/weather/current?city=%FF%FE HTTP/1.1\r\nHost: x\r\n\r\n", {400}),
    # Raw bytes >= 0x80 are percent-encoded before the parser (RequestTargetEncoder): the route's 400 problem.
    ("raw invalid UTF-8", b"GET /v1/weather/current?city=\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n", {400}),
    ("escaped CRLF in a value", b"GET /v1/weather/current?city=a%0D%0ASet-Cookie:x HTTP/1.1\r\nHost: x\r\n\r\n", {400}),
    ("CRLF in a header value", b"GET /health HTTP/1.1\r\nHost: x\r\nX-Request-Id: a\rb\r\n\r\n", {200, 400, None}),
    ("dot-dot path", b"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", {400, 404}),
    ("encoded dot-dot", b"GET /v1/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", {400, 404}),
    ("dot-dot legacy city", b"GET /weather/..%2F..%2Fetc%2Fpasswd HTTP/1.1\r\nHost: x\r\n\r\n", {400}),
    ("huge Content-Length on GET", b"GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999\r\n\r\n", {400, 413}),
    ("negative Content-Length", b"GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", {400, None}),
    ("100 kB header", b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 102400 + b"\r\n\r\n", {431, 400, None}),
    ("10,000 headers", b"GET /health HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(10000)) + b"\r\n", {431, 400, None}),
    ("POST with a body", b"POST /v1/weather/current?city=Bonn HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", {405}),
    ("not HTTP", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64, {400, None}),
    ("HTTP/0.9", b"GET /health\r\n\r\n", {400, None}),
    ("absolute URI", b"GET http://evil.example/health HTTP/1.1\r\nHost: x\r\n\r\n", {200, 400, 404}),
]


def send(port, raw, timeout=5):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(raw)
        except (BrokenPipeError, ConnectionResetError):
            pass
        s.shutdown(socket.SHUT_WR) if len(raw) > 200000 else None
        data = b""
        deadline = time.monotonic() + timeout
        while b"\r\n" not in data and time.monotonic() < deadline:
            try:
                chunk = s.recv(4096)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            data += chunk
    if not data.startswith(b"HTTP/1.1 "):
        return None
    return int(data.split()[1])


def main():
    work = rel.workdir("hostile")
    stub = rel.Stub(rel.PORT_BASE + 31, work)
    service = rel.Service(rel.PORT_BASE + 32, stub, work, {"CLIENT_LIMIT": "off"})
    failures = []
    answers = {}
    for name, raw, accepted in CASES:
        status = send(service.port, raw)
        answers[name] = status
        if status not in accepted or (status is not None and status >= 500):
            failures.append("%s → %s (expected %s)" % (name, status, sorted(accepted, key=str)))
        rel.check(service.process.poll() is None, "the service died on: " + name)
    healthy = rel.http_get(service.base + "/health")[0] == 200
    upstream = stub.stats()["requests"]
    line = {"cases": len(CASES), "failures": len(failures), "upstream_calls": upstream, "healthy_after": healthy,
            "answers": answers, "failure_samples": failures[:10]}
    ok = not failures and healthy and upstream == 0
    rel.report("hostile", line, ok)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
