"""Shared parts of the reliability suite (scripts/reliability/*.py): processes started and stopped
by PID, the stub, a loopback Redis and the service, a bounded asyncio HTTP/1.1 loader, and the
figures every scenario prints (requests, failures, p99, upstream calls).

Everything binds 127.0.0.1. Ports: RELIABILITY_PORT_BASE (default 18200) upwards. Every wait and
every load is bounded in time and count. RELIABILITY_FAST=1 shortens the windows, never the checks.
"""
import asyncio, atexit, json, os, random, resource, signal, socket, subprocess, sys, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAST = os.environ.get("RELIABILITY_FAST") == "1"
PORT_BASE = int(os.environ.get("RELIABILITY_PORT_BASE", "18200"))
API_KEY = "reliability-secret-%d-key" % random.randrange(10**8, 10**9)
_started = []  # (name, Popen), stopped in reverse at exit


def log(*parts):
    print("[reliability]", *parts, file=sys.stderr, flush=True)


class Failed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failed(message)


def binary():
    """The weather-tracker binary: RELIABILITY_BIN, else built (debug, or RELIABILITY_BUILD=release)."""
    if os.environ.get("RELIABILITY_BIN"):
        return os.environ["RELIABILITY_BIN"]
    mode = os.environ.get("RELIABILITY_BUILD", "debug")
    subprocess.run(["swift", "build", "-c", mode, "--product", "weather-tracker"], cwd=ROOT, check=True,
                   stdout=sys.stderr)
    path = subprocess.run(["swift", "build", "-c", mode, "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    os.environ["RELIABILITY_BIN"] = os.path.join(path, "weather-tracker")
    return os.environ["RELIABILITY_BIN"]


def raise_fd_limit(wanted=20000):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = min(hard, wanted) if hard != resource.RLIM_INFINITY else wanted
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def start(name, argv, env=None, logfile=None, preexec=None):
    out = open(logfile, "wb") if logfile else subprocess.DEVNULL
    process = subprocess.Popen(argv, env={**os.environ, **(env or {})}, stdout=out, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, preexec_fn=preexec)
    _started.append((name, process))
    return process


def stop(process, sig=signal.SIGTERM, timeout=10):
    """Stops one process we started, by its PID; returns its exit status."""
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
    return process.returncode


@atexit.register
def _stop_all():
    for _, process in reversed(_started):
        if process.poll() is None:
            stop(process, timeout=5)


def wait_until_true(predicate, seconds):
    """Whether `predicate` held within `seconds` (errors count as not yet)."""
    try:
        wait_until(predicate, seconds, "")
        return True
    except Failed:
        return False


def wait_until(predicate, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except Exception:
            pass
        time.sleep(0.05)
    raise Failed("timed out after %ss waiting for %s" % (seconds, what))


def http_get(url, timeout=5, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def http_send(url, method, body=b""):
    request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.read()


class Stub:
    """`weather-tracker stub` on its own port, with the suite's API key."""

    def __init__(self, port, workdir):
        self.process = start("stub", [binary(), "stub", "--port", str(port), "--api-key", API_KEY],
                             logfile=os.path.join(workdir, "stub.log"))
        self.base = "http://127.0.0.1:%d" % port
        wait_until(lambda: http_get(self.base + "/__stub/stats")[0] == 200, 15, "the stub")

    def stats(self):
        return json.loads(http_get(self.base + "/__stub/stats")[2])

    def calls(self, path="/data/2.5/weather"):
        return self.stats()["paths"].get(path, 0)

    def calls_under(self, *prefixes):
        """Requests to every path under any of `prefixes` (One Call 4.0 is several paths)."""
        return sum(n for path, n in self.stats()["paths"].items() if path.startswith(prefixes))

    def faults(self, rules):
        http_send(self.base + "/__stub/faults", "PUT", json.dumps(rules).encode())

    def clear(self):
        http_send(self.base + "/__stub/faults", "DELETE")


class Redis:
    """A redis-server of our own on loopback (no persistence), killed and restarted by PID."""

    def __init__(self, port, workdir):
        self.port, self.workdir = port, workdir
        self.start()

    def start(self):
        self.process = start("redis", ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                                       "--save", "", "--appendonly", "no", "--dir", self.workdir],
                             logfile=os.path.join(self.workdir, "redis.log"))
        wait_until(lambda: subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True,
                                          text=True).stdout.strip() == "PONG", 10, "redis")

    def kill(self):
        stop(self.process, signal.SIGKILL)

    def cli(self, *args):
        return subprocess.run(["redis-cli", "-p", str(self.port), *args], capture_output=True, text=True).stdout

    def url(self):
        return "redis://127.0.0.1:%d/0" % self.port


class Service:
    """`weather-tracker serve` against the stub (live mode, the suite's key), JSON logs."""

    def __init__(self, port, stub, workdir, env=None, name="service", preexec=None, file_limit=None):
        self.port = port
        self.base = "http://127.0.0.1:%d" % port
        self.logfile = os.path.join(workdir, name + ".log")
        environment = {"OPENWEATHER_API_KEY": API_KEY, "OPENWEATHER_BASE_URL": stub.base, "LOG_FORMAT": "json",
                       "HOST": "127.0.0.1", "PORT": str(port), "QUOTA_PER_MINUTE": "1000000"}
        environment.update(env or {})
        argv = [binary(), "serve"]
        if file_limit:  # both open-files limits, so the service cannot raise its own; exec keeps the pid
            argv = ["bash", "-c", 'ulimit -n %d && exec "$0" serve' % file_limit, binary()]
        self.process = start(name, argv, env=environment, logfile=self.logfile, preexec=preexec)
        wait_until(lambda: http_get(self.base + "/health", timeout=1)[0] == 200, 30, "the service's /health")
        self.pid = self.process.pid

    def rss_kib(self):
        with open("/proc/%d/status" % self.pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def fds(self):
        return len(os.listdir("/proc/%d/fd" % self.pid))

    def log_text(self):
        with open(self.logfile, errors="replace") as f:
            return f.read()


def workdir(name):
    path = os.path.join(os.environ.get("RELIABILITY_OUT", "/tmp/reliability"), name)
    os.makedirs(path, exist_ok=True)
    return path


# --- the loader --------------------------------------------------------------------------------

class Result:
    """What a load produced: statuses, latencies, failures (answers a scenario does not accept)."""

    def __init__(self):
        self.statuses = {}
        self.latencies = []
        self.failures = 0
        self.failure_samples = []
        self.refused = 0  # connection refused (listener closed)
        self.closed = 0  # closed by the server before any byte of an answer
        self.headers = []

    @property
    def requests(self):
        return sum(self.statuses.values())

    def fail(self, what):
        self.failures += 1
        if len(self.failure_samples) < 5:
            self.failure_samples.append(what)

    def p(self, q):
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    def summary(self, upstream=None, **extra):
        line = {"requests": self.requests, "failures": self.failures, "p50_ms": round(self.p(0.50), 1),
                "p99_ms": round(self.p(0.99), 1), "max_ms": round(max(self.latencies, default=0) * 1000, 1),
                "statuses": dict(sorted(self.statuses.items()))}
        if upstream is not None:
            line["upstream_calls"] = upstream
        line.update(extra)
        if self.failure_samples:
            line["failure_samples"] = self.failure_samples
        return line


class CutShort(Exception):
    """The connection broke after the first byte of an answer: a response cut short."""


async def request(reader, writer, path, headers=None):
    """One GET on a keep-alive connection: (status, headers dict, body)."""
    head = "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n" % path
    for name, value in (headers or {}).items():
        head += "%s: %s\r\n" % (name, value)
    writer.write((head + "\r\n").encode("latin-1"))
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionResetError("closed before the status line")
    try:
        status = int(status_line.split()[1])
        fields = {}
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            fields[name.strip().lower()] = value.strip()
        length = int(fields.get("content-length", "0"))
        body = await reader.readexactly(length) if length else b""
    except (ConnectionError, asyncio.IncompleteReadError, ValueError, IndexError) as error:
        raise CutShort(repr(error))
    return status, fields, body


async def load(port, next_request, accept, concurrency, seconds, max_requests=10**7, source=None,
               result=None, rate=None, closed_is_failure=True):
    """`concurrency` keep-alive clients for at most `seconds` and `max_requests` requests in total.

    next_request(worker, n) -> (path, headers); accept(path, status, headers, body) -> bool.
    `source`: a loopback address to connect from (another client), `rate`: requests/s in total.
    A connection closed or reset before any byte of an answer is a failure unless
    `closed_is_failure` is False (SIGTERM: the server closes idle keep-alive connections, and whether
    it had accepted the request is settled by comparing its log with what the clients received).
    """
    result = result or Result()
    deadline = time.monotonic() + seconds
    budget = [max_requests]
    interval = concurrency / rate if rate else 0

    async def worker(index):
        reader = writer = None
        n = 0
        while time.monotonic() < deadline and budget[0] > 0:
            budget[0] -= 1
            n += 1
            path, headers = next_request(index, n)
            started = time.monotonic()
            try:
                if writer is None:
                    reader, writer = await asyncio.wait_for(asyncio.open_connection(
                        "127.0.0.1", port, local_addr=(source, 0) if source else None), 5)
                status, fields, body = await asyncio.wait_for(request(reader, writer, path, headers), 30)
            except ConnectionRefusedError:
                result.refused += 1
                writer = None
                await asyncio.sleep(0.05)
                continue
            except (ConnectionError, OSError) as error:
                result.closed += 1
                if closed_is_failure:
                    result.fail("%s: closed before an answer: %r" % (path, error))
                if writer is not None:
                    writer.close()
                writer = None
                continue
            except (CutShort, asyncio.TimeoutError) as error:
                result.fail("%s: %r" % (path, error))
                if writer is not None:
                    writer.close()
                writer = None
                continue
            elapsed = time.monotonic() - started
            result.latencies.append(elapsed)
            result.statuses[status] = result.statuses.get(status, 0) + 1
            if not accept(path, status, fields, body):
                result.fail("%s → %d %s" % (path, status, body[:120]))
            if fields.get("connection", "").lower() == "close":
                writer.close()
                writer = None
            if interval:
                await asyncio.sleep(max(0, interval - elapsed))
        if writer is not None:
            writer.close()

    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    return result


def report(scenario, line, ok):
    print(json.dumps({"scenario": scenario, "ok": ok, **line}), flush=True)
