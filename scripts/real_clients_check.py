#!/usr/bin/env python3
"""Real OpenWeather clients against a running `weather-tracker stub`, through it as an HTTP proxy.

    python3 scripts/real_clients_check.py PORT KEY     (scripts/real-clients-check.sh runs it)

pyowm (pinned by the shell script) is configured as its docs say for a proxy
(`get_default_config_for_proxy`, plain HTTP): it asks for `http://api.openweathermap.org/...`
with the key as `APPID`, and the request reaches the stub in absolute form. Every call's values
as pyowm read them are compared with what the stub serves for the same URL asked directly
(urllib, origin form). Then Python requests with `proxies=` and `curl -x` the same way.

The stub's weather changes only when its time bucket does; a comparison that straddles a bucket
change is asked again (at most 3 times), so the check cannot flake on the clock.
Exits non-zero on the first mismatch, printing what differed.
"""
import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import requests
from pyowm import OWM
from pyowm.commons import exceptions
from pyowm.utils.config import get_default_config_for_proxy

PORT, KEY = int(sys.argv[1]), sys.argv[2]
PROXY = f"http://127.0.0.1:{PORT}"
ORIGIN = "http://api.openweathermap.org"
# A latitude and longitude with an exact binary fraction, so both sides print them alike.
LAT, LON = 51.5, -0.125
checks = 0


def fail(message):
    print(f"[real-clients] FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def served(path, **params):
    """The stub's own answer for `path` (origin form, straight to it, lower-case `appid`)."""
    query = urllib.parse.urlencode({**params, "appid": KEY})
    try:
        with urllib.request.urlopen(f"{PROXY}{path}?{query}", timeout=5) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        fail(f"the stub itself answered {error.code} for {path}: {error.read()[:200]!r}")


def agree(name, path, params, read, expect):
    """Asks the client (`read()`), and the stub directly before and after; `expect(client, served)`
    returns the pairs that must be equal. Retried when the stub's answer changed in between."""
    global checks
    for _ in range(3):
        before = served(path, **params)
        try:
            got = read()
        except Exception as error:  # noqa: BLE001 - whatever pyowm raised is the finding
            fail(f"{name}: pyowm raised {type(error).__name__}: {error}")
        after = served(path, **params)
        if before == after:
            break
    else:
        fail(f"{name}: the stub's answer kept changing")
    for label, (client_value, stub_value) in expect(got, before).items():
        if client_value != stub_value:
            fail(f"{name}: {label}: the client read {client_value!r}, the stub served {stub_value!r}")
    checks += 1
    print(f"[real-clients] pyowm {name}: ok ({', '.join(expect(got, before))})", file=sys.stderr)


def raises(name, error, call):
    global checks
    try:
        call()
    except error:
        checks += 1
        print(f"[real-clients] pyowm {name}: {error.__name__}, as expected", file=sys.stderr)
        return
    except Exception as other:  # noqa: BLE001 - any other failure is the finding
        fail(f"{name}: expected {error.__name__}, got {type(other).__name__}: {other}")
    fail(f"{name}: expected {error.__name__}, got an answer")


def observation(got, data):
    weather, location = got.weather, got.location
    return {
        "name": (location.name, data["name"]),
        "id": (location.id, data["id"]),
        "lat": (location.lat, data["coord"]["lat"]),
        "lon": (location.lon, data["coord"]["lon"]),
        "country": (location.country, data["sys"]["country"]),
        "temp": (weather.temperature("kelvin")["temp"], data["main"]["temp"]),
        "humidity": (weather.humidity, data["main"]["humidity"]),
        "status": (weather.status, data["weather"][0]["main"]),
        "time": (weather.reference_time(), data["dt"]),
    }


def air(got, data):
    statuses = got if isinstance(got, list) else [got]  # pyowm returns one item unwrapped
    return {
        "items": (len(statuses), len(data["list"])),
        "aqi": ([s.aqi for s in statuses], [i["main"]["aqi"] for i in data["list"]]),
        "co": ([s.co for s in statuses], [i["components"]["co"] for i in data["list"]]),
        "pm2_5": ([s.pm2_5 for s in statuses], [i["components"]["pm2_5"] for i in data["list"]]),
        "time": ([s.reference_time() for s in statuses], [i["dt"] for i in data["list"]]),
    }


def places(got, data):
    return {
        "count": (len(got), len(data)),
        "names": ([p.name for p in got], [p["name"] for p in data]),
        "coordinates": ([(p.lat, p.lon) for p in got], [(p["lat"], p["lon"]) for p in data]),
        "countries": ([p.country for p in got], [p["country"] for p in data]),
    }


def check_pyowm():
    config = get_default_config_for_proxy(PROXY, PROXY)  # pyowm's documented proxy configuration
    config["connection"]["use_ssl"] = False  # plain HTTP: the stub is the proxy, not a CONNECT tunnel
    owm = OWM(KEY, config)
    weather = owm.weather_manager()
    en = {"lang": "en"}  # pyowm asks in its configured language

    agree("weather_at_place", "/data/2.5/weather", {"q": "London,GB", **en},
          lambda: weather.weather_at_place("London,GB"), observation)
    agree("weather_at_coords", "/data/2.5/weather", {"lat": LAT, "lon": LON, **en},
          lambda: weather.weather_at_coords(LAT, LON), observation)
    agree("weather_at_zip_code", "/data/2.5/weather", {"zip": "94040,US", **en},
          lambda: weather.weather_at_zip_code("94040", "US"), observation)
    agree("weather_at_id", "/data/2.5/weather", {"id": 2643743, **en},
          lambda: weather.weather_at_id(2643743), observation)
    agree("forecast_at_place 3h", "/data/2.5/forecast", {"q": "Tokyo,JP", **en},
          lambda: weather.forecast_at_place("Tokyo,JP", "3h").forecast, lambda got, data: {
              "items": (len(got.weathers), len(data["list"])),
              "temps": ([w.temperature("kelvin")["temp"] for w in got.weathers],
                        [i["main"]["temp"] for i in data["list"]]),
              "times": ([w.reference_time() for w in got.weathers], [i["dt"] for i in data["list"]]),
              "city": (got.location.name, data["city"]["name"]),
              "lat": (got.location.lat, data["city"]["coord"]["lat"]),
          })
    agree("one_call", "/data/3.0/onecall", {"lat": LAT, "lon": LON, **en},
          lambda: weather.one_call(LAT, LON), lambda got, data: {
              "lat": (got.lat, data["lat"]),
              "lon": (got.lon, data["lon"]),
              "timezone": (got.timezone, data["timezone"]),
              "current temp": (got.current.temperature("kelvin")["temp"], data["current"]["temp"]),
              "current time": (got.current.reference_time(), data["current"]["dt"]),
              "hourly temps": ([w.temperature("kelvin")["temp"] for w in got.forecast_hourly],
                               [h["temp"] for h in data["hourly"]]),
              "daily max": ([w.temperature("kelvin")["max"] for w in got.forecast_daily],
                            [d["temp"]["max"] for d in data["daily"]]),
          })
    # pyowm's one_call_history reads `current`, which One Call 3.0's timemachine no longer has
    # (it answers `data`, as the stub does): pyowm's bug, pinned here so docs/stub.md stays true.
    dt = int(time.time()) - 86_400
    history = served("/data/3.0/onecall/timemachine", lat=LAT, lon=LON, dt=dt)
    if "data" not in history or "current" in history:
        fail(f"timemachine: expected One Call 3.0's `data`, got {sorted(history)}")
    raises("one_call_history (pyowm expects One Call 2.5's `current`)", exceptions.ParseAPIResponseError,
           lambda: weather.one_call_history(LAT, LON, dt=dt))

    pollution = owm.airpollution_manager()
    agree("air_quality_at_coords", "/data/2.5/air_pollution", {"lat": LAT, "lon": LON, **en},
          lambda: pollution.air_quality_at_coords(LAT, LON), air)
    agree("air_quality_forecast_at_coords", "/data/2.5/air_pollution/forecast", {"lat": LAT, "lon": LON, **en},
          lambda: pollution.air_quality_forecast_at_coords(LAT, LON), air)
    start = int(time.time()) - 6 * 3600
    agree("air_quality_history_at_coords", "/data/2.5/air_pollution/history",
          {"lat": LAT, "lon": LON, "start": start, "end": start + 3 * 3600, **en},
          lambda: pollution.air_quality_history_at_coords(LAT, LON, start, start + 3 * 3600), air)

    geocoding = owm.geocoding_manager()
    agree("geocode", "/geo/1.0/direct", {"q": "Springfield,IL,US", "limit": 3, **en},
          lambda: geocoding.geocode("Springfield", country="US", state_code="IL", limit=3), places)
    agree("reverse_geocode", "/geo/1.0/reverse", {"lat": LAT, "lon": LON, "limit": 1, **en},
          lambda: geocoding.reverse_geocode(LAT, LON, limit=1), places)

    raises("wrong key", exceptions.UnauthorizedError,
           lambda: OWM("not-" + KEY, config).weather_manager().weather_at_place("London,GB"))
    raises("unknown city", exceptions.NotFoundError, lambda: weather.weather_at_place("Nowhere Town"))


def check_proxy_clients():
    """Python requests with `proxies=` and `curl -x`: the same bytes as the stub serves directly."""
    global checks
    query = f"q=London&units=metric&appid={KEY}"
    for _ in range(3):
        with urllib.request.urlopen(f"{PROXY}/data/2.5/weather?{query}", timeout=5) as response:
            direct = response.read()
        via_requests = requests.get(f"{ORIGIN}/data/2.5/weather?{query}", proxies={"http": PROXY}, timeout=5)
        via_curl = subprocess.run(
            ["curl", "-sS", "--fail", "--max-time", "5", "-x", PROXY, f"{ORIGIN}/data/2.5/weather?{query}"],
            capture_output=True, check=False)
        if via_curl.returncode != 0:
            fail(f"curl -x: exit {via_curl.returncode}: {via_curl.stderr.decode(errors='replace')}")
        if via_requests.status_code != 200:
            fail(f"requests with proxies: status {via_requests.status_code}: {via_requests.text}")
        if via_requests.content == direct and via_curl.stdout == direct:
            break
    else:
        fail(f"through the proxy setting the answer differed:\n{direct!r}\n{via_requests.content!r}\n"
             f"{via_curl.stdout!r}")
    if json.loads(direct)["name"] != "London":
        fail(f"curl -x: unexpected body {direct!r}")
    checks += 2
    print("[real-clients] requests proxies= and curl -x: the bytes the stub serves directly", file=sys.stderr)


def main():
    started = time.monotonic()
    check_pyowm()
    check_proxy_clients()
    print(f"[real-clients] {checks} checks passed in {time.monotonic() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
