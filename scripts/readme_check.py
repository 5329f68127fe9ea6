"""The README's quick start, run as a reader runs it: the set-up command (the service in demo mode),
then every `curl` of the "Try it" block, each checked against the status its comment names. First,
every line of the README's Swift example must be a line of the example file it links to, which
every `swift build` compiles (the `LibraryExample` target).

Commands are taken from README.md's "Two commands" section and run verbatim with bash. The service
command runs in its own process group, which is ended (SIGTERM, then SIGKILL) when the check ends;
every wait is bounded. The test command itself is not run again here: CI runs it last, and this
check asserts that `.ci/run` ends with exactly the README's test command.
"""
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = 8000  # the README's commands name it
START_LIMIT = 1200  # seconds: a first `swift run` builds everything


def fail(message):
    print(f"[readme-check] FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def quick_start_blocks():
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    match = re.search(r"^## Two commands\n(.*?)(?=^## )", text, re.S | re.M)
    if not match:
        fail("README.md has no '## Two commands' section")
    return re.findall(r"```sh\n(.*?)```", match.group(1), re.S)


def check_library_example():
    """Each non-blank line of the "Use the library" Swift block is a line of the file it names."""
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    match = re.search(r"^## Use the library\n(.*?)(?=^## )", text, re.S | re.M)
    if not match:
        fail("README.md has no '## Use the library' section")
    blocks = re.findall(r"```swift\n(.*?)```", match.group(1), re.S)
    files = re.findall(r"\]\((Examples/[^)#]+\.swift)\)", match.group(1))
    if not blocks or not files:
        fail("the README's library example needs a Swift block and a link to the file it comes from")
    source = open(os.path.join(ROOT, files[0]), encoding="utf-8").read().splitlines()
    compiled = {line.strip() for line in source}
    for line in blocks[0].splitlines():
        if line.strip() and line.strip() not in compiled:
            fail(f"the README's library example has a line that {files[0]} does not: {line.strip()}")
    print(f"[readme-check] the README's library example is lines of {files[0]}, which the build compiles")


def commands(block):
    return [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def expected(line):
    """The status and the text after it in the line's comment: `# 200 {...}`."""
    comment = line.split("#", 1)[1] if "#" in line else ""
    found = re.match(r"\s*(\d{3})\b\s*(.*)", comment)
    if not found:
        fail(f"the README command has no expected status in its comment: {line}")
    return int(found.group(1)), found.group(2).strip()


def port_in_use():
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", PORT)) == 0


def healthy():
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def run(line, timeout=60):
    result = subprocess.run(["bash", "-c", line], capture_output=True, timeout=timeout, cwd=ROOT)
    return result.returncode, result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")


def curl_status(line):
    """The status of the request the curl command makes: the same URL, as written (raw UTF-8 and all)."""
    words = shlex.split(line.split("|")[0].split("#")[0])
    urls = [word for word in words[1:] if "localhost" in word]
    if len(urls) != 1:
        fail(f"cannot tell which URL this curl asks for: {line}")
    code, out, err = run(f"curl -s -o /dev/null -w '%{{http_code}}' {shlex.quote(urls[0])}")
    return int(out or 0)


def main():
    sys.stdout.reconfigure(line_buffering=True)
    check_library_example()
    blocks = quick_start_blocks()
    if len(blocks) < 2:
        fail("the quick start needs a block with the two commands and a block of commands to try")
    setup = commands(blocks[0])
    if len(setup) != 2:
        fail(f"the first block must hold exactly the two commands, found {len(setup)}: {setup}")
    serve_line, test_line = setup
    test_command = test_line.split("#")[0].strip()
    ci = [l.strip() for l in open(os.path.join(ROOT, ".ci/run"), encoding="utf-8") if l.strip() and not l.startswith("#")]
    if ci[-1] != test_command:
        fail(f".ci/run must end with the README's test command {test_command!r}, it ends with {ci[-1]!r}")
    print(f"[readme-check] the test command {test_command!r} is what .ci/run runs last")

    if port_in_use():
        fail(f"port {PORT} is taken: the README's commands need it")
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("OPENWEATHER_API_KEY", "DEMO", "REDIS_URL", "REDIS_HOST", "HOST", "PORT")}
    log = tempfile.NamedTemporaryFile(prefix="readme-serve-", suffix=".log", delete=False)
    print(f"[readme-check] running: {serve_line}")
    process = subprocess.Popen(["bash", "-c", serve_line], cwd=ROOT, env=environment, stdout=log,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    ok = False
    try:
        began = time.monotonic()
        while not healthy():
            if process.poll() is not None:
                fail(f"the service command exited with {process.returncode}:\n{open(log.name).read()[-3000:]}")
            if time.monotonic() - began > START_LIMIT:
                fail(f"the service was not healthy within {START_LIMIT} s:\n{open(log.name).read()[-3000:]}")
            time.sleep(0.5)
        print(f"[readme-check] the service answers /health after {time.monotonic() - began:.0f} s")
        tried = 0
        for block in blocks[1:]:
            for line in commands(block):
                if not line.startswith("curl "):
                    fail(f"the quick start shows a command this check does not know how to run: {line}")
                status, rest = expected(line)
                code, out, err = run(line)
                if code != 0 or not out:
                    fail(f"{line}\n  exit {code}, output {out[:300]!r}, stderr {err[:300]!r}")
                actual = curl_status(line)
                if actual != status:
                    fail(f"{line}\n  answered {actual}, the README says {status}: {out[:300]!r}")
                if " -i " in f" {line} " and not re.match(rf"HTTP/1\.1 {status} ", out):
                    fail(f"{line}\n  its own output does not start with status {status}: {out[:200]!r}")
                if rest.startswith("{"):
                    try:
                        shown = json.loads(rest)
                    except ValueError:
                        shown = None
                    if shown is not None:
                        got = json.loads(out)
                        if set(got) != set(shown) or got.get("mode") != shown.get("mode"):
                            fail(f"{line}\n  answered {out.strip()}, the README shows {rest}")
                print(f"[readme-check] {status} ← {line.split('#')[0].strip()}")
                tried += 1
        if tried == 0:
            fail("the quick start shows no command to try")
        ok = True
        print(f"[readme-check] PASSED: the two commands and {tried} tried commands work as written")
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        if ok:
            os.unlink(log.name)
        else:
            print(f"[readme-check] the service's log is kept at {log.name}", file=sys.stderr)


if __name__ == "__main__":
    main()
