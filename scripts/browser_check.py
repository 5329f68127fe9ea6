#!/usr/bin/env python3
"""Headless Chromium against the running service: screenshots of pages at desktop and phone widths,
light and dark, and a failure on any console error, uncaught exception, failed request, HTTP error,
or request to an origin other than the service.

Drives Chromium over the DevTools protocol (PyPI websocket-client). Every wait is bounded; the
browser is started here and ended here, by its own PID.

    browser_check.py --base http://127.0.0.1:8000 --out /tmp/weather-screens / '/place?city=Zürich'
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import base64

import websocket  # websocket-client

VIEWPORTS = {"desktop": (1280, 900, False), "phone": (390, 844, True)}
SCHEMES = ("light", "dark")


class Failure(Exception):
    pass


class Page:
    """One DevTools connection to one page target; collects the events that make a check fail."""

    def __init__(self, ws_url, base_origin):
        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.base_origin = base_origin
        self.problems = []
        self.events = []
        self.inflight = set()
        self.last_network = time.monotonic()

    def call(self, method, params=None, timeout=30):
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params or {}}))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self._receive(deadline)
            if message is None:
                continue
            if message.get("id") == ident:
                if "error" in message:
                    raise Failure(f"{method}: {message['error']}")
                return message.get("result", {})
        raise Failure(f"{method}: no answer within {timeout} s")

    def _receive(self, deadline):
        self.ws.settimeout(max(0.05, min(1.0, deadline - time.monotonic())))
        try:
            message = json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            return None
        if "method" in message:
            self._observe(message["method"], message.get("params", {}))
        return message

    def _observe(self, method, params):
        self.events.append(method)
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", []))
            self.problems.append(f"console.{params['type']}: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.problems.append(f"uncaught exception: {details.get('exception', {}).get('description') or details.get('text')}")
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            if entry.get("level") == "error":
                self.problems.append(f"console error ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".strip())
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            self.inflight.add(params.get("requestId"))
            self.last_network = time.monotonic()
            parsed = urllib.parse.urlsplit(url)
            if parsed.scheme not in ("data", "blob", "about") and f"{parsed.scheme}://{parsed.netloc}" != self.base_origin:
                self.problems.append(f"request to another origin: {url}")
        elif method == "Network.responseReceived":
            response = params.get("response", {})
            if response.get("status", 0) >= 400:
                self.problems.append(f"HTTP {response.get('status')} for {response.get('url')}")
        elif method == "Network.loadingFailed":
            self.inflight.discard(params.get("requestId"))
            self.last_network = time.monotonic()
            if not params.get("canceled"):
                self.problems.append(f"failed request: {params.get('errorText')} ({params.get('type')})")
        elif method == "Network.loadingFinished":
            self.inflight.discard(params.get("requestId"))
            self.last_network = time.monotonic()

    def wait_for(self, method, timeout):
        """Until the event `method` arrives (events seen before the call do not count)."""
        start = len(self.events)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if method in self.events[start:]:
                return
            self._receive(deadline)
        raise Failure(f"no {method} within {timeout} s")

    def wait_idle(self, quiet=0.5, timeout=10):
        """Until no request has been in flight for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.inflight and time.monotonic() - self.last_network >= quiet:
                return
            self._receive(min(deadline, time.monotonic() + 0.2))
        raise Failure(f"network not idle within {timeout} s (in flight: {len(self.inflight)})")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return result.get("result", {}).get("value")

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass


def start_browser(binary, profile):
    arguments = [
        binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
        "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
        "--metrics-recording-only", "--mute-audio", "--hide-scrollbars", "--password-store=basic",
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", f"--user-data-dir={profile}", "about:blank",
    ]
    process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=open(os.path.join(profile, "chromium.log"), "w"),
                               start_new_session=True)
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise Failure(f"chromium exited with {process.returncode}; see {profile}/chromium.log")
        if os.path.exists(port_file):
            lines = open(port_file).read().split()
            if lines:
                return process, int(lines[0])
        time.sleep(0.1)
    raise Failure("chromium did not open its DevTools port within 30 s")


def stop_browser(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)  # its own session: chromium and its helpers, nothing else
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def new_target(port):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/json/new?about:blank", method="PUT")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def close_target(port, target_id):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/json/close/{target_id}", timeout=10).read()
    except Exception:
        pass


def slug(path):
    name = path.strip("/").split("?")[0] or "home"
    query = urllib.parse.urlsplit(path).query
    if query:
        name += "-" + "".join(c if c.isascii() and c.isalnum() else "-" for c in urllib.parse.unquote(query)).strip("-").lower()
    return name


def check(port, base, path, viewport, scheme, out, scripts=True):
    width, height, mobile = VIEWPORTS[viewport]
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(base))
    target = new_target(port)
    page = Page(target["webSocketDebuggerUrl"], origin)
    started = time.monotonic()
    try:
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.call(f"{domain}.enable")
        page.call("Network.setCacheDisabled", {"cacheDisabled": True})
        page.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        page.call("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        if not scripts:
            page.call("Emulation.setScriptExecutionDisabled", {"value": True})
        url = base + urllib.parse.quote(path, safe="/?=&%,;:")
        result = page.call("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise Failure(f"navigation to {url} failed: {result['errorText']}")
        page.wait_for("Page.loadEventFired", timeout=20)
        page.wait_idle()
        facts = page.evaluate("""JSON.stringify({
            title: document.title,
            scheme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
            cards: document.querySelectorAll('li.card').length,
            charts: document.querySelectorAll('svg.forecast-chart').length,
            strips: document.querySelectorAll('svg.air-strip').length,
            rows: document.querySelectorAll('table.days tbody tr').length,
            // The place page's One Call sections: the alert banner (only while an alert is in force),
            // the next hour by minute (a chart, or a sentence when it stays dry) and 48 hours by quarter hour.
            alerts: document.querySelectorAll('section.alerts .alert').length,
            minuteSection: !!document.getElementById('minutes-heading'),
            minuteCharts: document.querySelectorAll('svg.minute-chart').length,
            minuteDry: document.querySelectorAll('.minutes-dry').length,
            quarterCharts: document.querySelectorAll('svg.quarter-chart').length,
            // How far each of those sections reaches past the viewport (its charts scroll inside it).
            sectionsOutside: Array.from(document.querySelectorAll(
                    'section.alerts, section[aria-labelledby="minutes-heading"], section[aria-labelledby="quarter-heading"]'),
                section => ({name: section.getAttribute('aria-labelledby'),
                             past: Math.ceil(section.getBoundingClientRect().right - window.innerWidth),
                             before: Math.ceil(-section.getBoundingClientRect().left)}))
                .filter(section => section.past > 0 || section.before > 0),
            h1: (document.querySelector('h1') || {}).textContent,
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            // How far the day table's Low and High cells reach past the viewport (0: seen without scrolling).
            tempsHidden: Math.max(0, ...Array.from(
                document.querySelectorAll('table.days .day-low, table.days .day-high'),
                cell => Math.ceil(cell.getBoundingClientRect().right - window.innerWidth))),
            height: document.documentElement.scrollHeight,
            background: getComputedStyle(document.body).backgroundColor
        })""")
        facts = json.loads(facts)
        if facts["scheme"] != scheme:
            page.problems.append(f"prefers-color-scheme is {facts['scheme']}, wanted {scheme}")
        if facts["overflow"] > 0:
            page.problems.append(f"the page is {facts['overflow']} px wider than the {width} px viewport")
        if facts["tempsHidden"] > 0:
            page.problems.append(
                f"the day table's temperatures end {facts['tempsHidden']} px past the {width} px viewport: "
                "a reader must scroll sideways to see them")
        if path.startswith("/place"):
            if not facts["minuteSection"]:
                page.problems.append("the place page has no next-hour precipitation section")
            elif facts["minuteCharts"] + facts["minuteDry"] == 0:
                page.problems.append("the next-hour section has neither the minute chart nor the dry sentence")
        for section in facts["sectionsOutside"]:
            page.problems.append(
                f"the {section['name']} section reaches {max(section['past'], section['before'])} px outside the "
                f"{width} px viewport")
        shot = None
        if scripts:
            full = min(facts["height"], 6000)
            image = page.call("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": full, "scale": 1}}, timeout=60)
            shot = os.path.join(out, f"{slug(path)}-{viewport}-{scheme}.png")
            with open(shot, "wb") as file:
                file.write(base64.b64decode(image["data"]))
        return {"path": path, "viewport": viewport, "scheme": scheme, "scripts": scripts, "facts": facts,
                "problems": page.problems, "screenshot": shot, "seconds": round(time.monotonic() - started, 2)}
    finally:
        page.close()
        close_target(port, target["id"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", required=True, help="the service, e.g. http://127.0.0.1:8000")
    parser.add_argument("--out", required=True, help="folder for the screenshots (keep it out of git)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("paths", nargs="+")
    arguments = parser.parse_args()
    os.makedirs(arguments.out, exist_ok=True)
    # A `timeout` around this script sends SIGTERM: exit through `finally`, so the browser is ended.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(124))
    profile = tempfile.mkdtemp(prefix="weather-chromium-")
    began = time.monotonic()
    process, port = start_browser(arguments.chromium, profile)
    results = []
    try:
        print(f"[browser-check] chromium up in {time.monotonic() - began:.1f} s (DevTools on 127.0.0.1:{port})")
        for path in arguments.paths:
            for viewport in VIEWPORTS:
                for scheme in SCHEMES:
                    results.append(check(port, arguments.base, path, viewport, scheme, arguments.out))
            # The same page with JavaScript off must still show its content.
            results.append(check(port, arguments.base, path, "desktop", "light", arguments.out, scripts=False))
    except Failure as failure:
        print(f"[browser-check] FAILED: {failure}")
        return 1
    finally:
        stop_browser(process)
        shutil.rmtree(profile, ignore_errors=True)
    failed = False
    for result in results:
        facts = result["facts"]
        mode = "" if result["scripts"] else " (JavaScript off)"
        summary = (f"{result['path']} {result['viewport']} {result['scheme']}{mode}: {result['seconds']} s, "
                   f"h1 {facts['h1']!r}, {facts['cards']} cards, {facts['charts']} charts, {facts['strips']} strips, "
                   f"{facts['rows']} day rows, {facts['alerts']} alerts, {facts['minuteCharts']} minute charts "
                   f"({facts['minuteDry']} dry), {facts['quarterCharts']} quarter-hour charts, "
                   f"background {facts['background']}")
        print(f"[browser-check] {summary}")
        for problem in result["problems"]:
            failed = True
            print(f"[browser-check]   PROBLEM: {problem}")
        if result["screenshot"]:
            print(f"[browser-check]   screenshot {result['screenshot']} ({os.path.getsize(result['screenshot']) // 1024} kB)")
    print(f"[browser-check] {len(results)} page loads in {time.monotonic() - began:.1f} s: "
          + ("FAILED" if failed else "no console error, failed request or other origin"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
