#!/usr/bin/env python3
"""Generates realistic One Call 4.0 responses (compact JSON, as the live API sends them) for the
decode tests and benchmarks, following the field lists, page sizes and link rules of the One Call
4.0 specification: full pages of 60 (1min), 50 (15min), 20 (1h) and 10 (1day) records, `current`
with one record, and alert details in both description shapes.

Usage: generate-onecall4-payloads.py OUT_DIR COUNT [SEED]
Writes OUT_DIR/onecall4-{current,1min,15min,1h,1day,alert}/NNNN.json.
"""
import json
import random
import sys
from pathlib import Path

PLACES = [
    (51.5085, -0.1257, "Europe/London", 3600), (47.3769, 8.5417, "Europe/Zurich", 7200),
    (40.7128, -74.006, "America/New_York", -14400), (35.6895, 139.6917, "Asia/Tokyo", 32400),
    (-33.8688, 151.2093, "Australia/Sydney", 36000), (1.2897, 103.8501, "Asia/Singapore", 28800),
    (64.1466, -21.9426, "Atlantic/Reykjavik", 0), (78.2232, 15.6267, "Arctic/Longyearbyen", 7200),
    (19.4326, -99.1332, "America/Mexico_City", -21600), (-22.9068, -43.1729, "America/Sao_Paulo", -10800),
    (14.5995, 120.9842, "Asia/Manila", 28800), (45.4642, 9.19, "Europe/Rome", 7200),
]
CONDITIONS = [
    (800, "Clear", "clear sky", "01"), (801, "Clouds", "few clouds", "02"), (802, "Clouds", "scattered clouds", "03"),
    (804, "Clouds", "overcast clouds", "04"), (500, "Rain", "light rain", "10"), (501, "Rain", "moderate rain", "10"),
    (600, "Snow", "light snow", "13"), (211, "Thunderstorm", "thunderstorm", "11"), (701, "Mist", "mist", "50"),
]
ALERT_IDS = [
    "8B46C632-DCA7-44D7-8BDF-02445621BAFF", "2.49.0.0.380.3.IT.260903120000.W:Heat:0001",
    "2.49.0.0.276.0.DWD.PVW.1788501600000.7f3c9a1e-22b4-4d6f-9c1a-5e8b7d2f0a11",
]
KEY = "0123456789abcdef0123456789abcdef"
NOW = 1_777_451_900  # 2026-04-29T08:38:20Z, the spec's example time


def r2(x):
    v = round(x, 2)
    return int(v) if v == int(v) and random.random() < 0.5 else v


def condition(rng, daytime=True, wet=False):
    code = rng.choice(CONDITIONS[4:6] if wet else CONDITIONS[:4] + CONDITIONS[8:])
    return {"id": code[0], "main": code[1], "description": code[2], "icon": code[3] + ("d" if daytime else "n")}


def envelope(place, data, links=None):
    lat, lon, tz, off = place
    doc = {"lat": lat, "lon": lon, "timezone": tz, "timezone_offset": off, "data": data}
    for name, link in (links or {}).items():
        doc[name] = link
    return doc


def link(place, step, start, cnt=None):
    lat, lon = place[0], place[1]
    query = ("cnt=%d&" % cnt if cnt else "") + "lat=%.4f&lon=%.4f&start=%d&appid=%s" % (lat, lon, start, KEY)
    return "https://api.openweathermap.org/data/4.0/onecall/timeline/%s?%s" % (step, query)


def flat_record(rng, dt, base, *, pop=True, rain_ok=True, alerts=None, old=False, sun=None):
    temp = base + rng.uniform(-4, 4)
    rec = {"dt": dt}
    if sun:
        rec["sunrise"], rec["sunset"] = sun
    rec.update({
        "temp": r2(temp), "feels_like": r2(temp - rng.uniform(0, 3)), "pressure": rng.randint(990, 1035),
        "humidity": rng.randint(20, 100), "dew_point": r2(temp - rng.uniform(2, 12)), "uvi": r2(rng.uniform(0, 9)),
        "clouds": rng.randint(0, 100),
    })
    if not (old and rng.random() < 0.5):
        rec["visibility"] = rng.choice([10000, 10000, 10000, rng.randint(800, 9999)])
    rec["wind_speed"] = r2(rng.uniform(0, 14))
    if rng.random() < 0.6:
        rec["wind_gust"] = r2(rec["wind_speed"] + rng.uniform(0.5, 8))
    rec["wind_deg"] = rng.randint(0, 360)
    wet = rain_ok and rng.random() < 0.3
    if pop and not (old and rng.random() < 0.5):
        rec["pop"] = r2(rng.uniform(0.3, 1) if wet else rng.uniform(0, 0.3))
    if wet:
        rec["snow" if temp < 273 else "rain"] = {"1h": r2(rng.uniform(0.1, 6))}
    rec["weather"] = [condition(rng, wet=wet)]
    if alerts:
        rec["alerts"] = alerts
    return rec


def current(rng, place, polar=False):
    dt = NOW + rng.randint(0, 86400 * 30)
    sun = None if polar else (dt - rng.randint(3600, 20000), dt + rng.randint(3600, 30000))
    rec = flat_record(rng, dt, rng.uniform(265, 305), pop=False, alerts=rng.choice([None, None, ALERT_IDS[:1]]), sun=sun)
    return envelope(place, [rec])


def minutely(rng, place):
    t0 = (NOW // 60 + 1) * 60 + 60 * rng.randint(0, 10000)
    raining = rng.random() < 0.5
    data = []
    for i in range(60):
        rec = {"dt": t0 + 60 * i, "precipitation": r2(rng.uniform(0, 3)) if raining and rng.random() < 0.7 else 0}
        if i == 0 and rng.random() < 0.3:
            rec["alerts"] = ALERT_IDS[:1]
        data.append(rec)
    return envelope(place, data)


def timeline(rng, place, step_name, step, count, *, old=False, rain_ok=True, cnt_in_links=False):
    if old:
        t0 = (NOW - rng.randint(86400 * 365, 86400 * 365 * 40)) // step * step
    else:
        t0 = (NOW // step + 1) * step + step * rng.randint(0, 40)
    base = rng.uniform(265, 305)
    alert_window = range(rng.randint(0, count), count) if rng.random() < 0.3 else range(0)
    data = [
        flat_record(rng, t0 + step * i, base, rain_ok=rain_ok, old=old,
                    alerts=[rng.choice(ALERT_IDS)] if i in alert_window else None)
        for i in range(count)
    ]
    links = {}
    if step_name != "15min" or rng.random() < 0.3:
        links["prev"] = link(place, step_name, t0 - count * step, 10 if cnt_in_links else None)
    links["next"] = link(place, step_name, t0 + count * step, 10 if cnt_in_links else None)
    return envelope(place, data, links)


def daily(rng, place, polar=False):
    t0 = (NOW // 86400 + rng.randint(-400, 400)) * 86400 + 43200 - place[3]
    base = rng.uniform(265, 305)
    data = []
    for i in range(10):
        dt = t0 + 86400 * i
        rec = {"dt": dt}
        if not polar:
            rec["sunrise"], rec["sunset"] = dt - rng.randint(18000, 25000), dt + rng.randint(18000, 25000)
        rec["moonrise"] = rng.choice([0, dt - rng.randint(0, 40000)])
        rec["moonset"] = dt + rng.randint(0, 40000)
        rec["moon_phase"] = r2(rng.uniform(0, 1))
        t = base + rng.uniform(-5, 5)
        rec["temp"] = {"day": r2(t), "min": r2(t - 6), "max": r2(t + 3), "night": r2(t - 4), "eve": r2(t + 1), "morn": r2(t - 3)}
        rec["feels_like"] = {"day": r2(t - 1), "night": r2(t - 5), "eve": r2(t), "morn": r2(t - 4)}
        rec.update({"pressure": rng.randint(990, 1035), "humidity": rng.randint(20, 100), "dew_point": r2(t - 8),
                    "wind_speed": r2(rng.uniform(0, 14)), "wind_deg": rng.randint(0, 360)})
        if rng.random() < 0.7:
            rec["wind_gust"] = r2(rec["wind_speed"] + rng.uniform(1, 9))
        wet = rng.random() < 0.4
        rec["weather"] = None if rng.random() < 0.05 else [condition(rng, wet=wet)]
        rec["clouds"] = rng.randint(0, 100)
        rec["pop"] = r2(rng.uniform(0.4, 1) if wet else rng.uniform(0, 0.3))
        if wet:
            amount = r2(rng.uniform(0.2, 25))
            rec["snow" if t < 272 else "rain"] = amount if rng.random() < 0.8 else {"1h": amount}
        rec["uvi"] = r2(rng.uniform(0, 10))
        if i < 2 and rng.random() < 0.3:
            rec["alerts"] = [ALERT_IDS[1]]
        data.append(rec)
    links = {"prev": link(place, "1day", t0 - 864000, 10), "next": link(place, "1day", t0 + 864000, 10)}
    return envelope(place, data, links)


def alert(rng):
    start = NOW + rng.randint(-86400, 86400)
    if rng.random() < 0.5:
        doc = {"id": ALERT_IDS[1], "sender_name": "Italian Air Force National Meteorological Service", "event": "",
               "start": start, "end": start + rng.randint(3600, 172800),
               "description": [{"language": "en-GB", "description": "Moderate intensity expected"},
                               {"language": "it-IT", "description": "Fenomeni di intensita moderata"}],
               "tags": ["Extreme high temperature"]}
    else:
        doc = {"id": ALERT_IDS[0], "sender_name": "NWS Tulsa (Eastern Oklahoma)", "event": "Heat Advisory",
               "start": start, "end": start + rng.randint(3600, 172800),
               "description": "...HEAT ADVISORY REMAINS IN EFFECT FROM 1 PM THIS AFTERNOON TO 8 PM CDT THIS EVENING...\n"
                              "* WHAT...Heat index values of 105 to 109 degrees expected."}
        if rng.random() < 0.5:
            doc["tags"] = ["Extreme high temperature"]
    return {"data": [doc]} if rng.random() < 0.2 else doc


def main():
    out, count = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 4)
    random.seed(rng.random())
    kinds = {
        "onecall4-current": lambda i, p: current(rng, p, polar=p[0] > 70),
        "onecall4-1min": lambda i, p: minutely(rng, p),
        "onecall4-15min": lambda i, p: timeline(rng, p, "15min", 900, 50, rain_ok=False),
        "onecall4-1h": lambda i, p: timeline(rng, p, "1h", 3600, 20, old=i % 4 == 3),
        "onecall4-1day": lambda i, p: daily(rng, p, polar=p[0] > 70),
        "onecall4-alert": lambda i, p: alert(rng),
    }
    for kind, make in kinds.items():
        folder = out / kind
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(count):
            doc = make(i, PLACES[i % len(PLACES)])
            (folder / ("%04d.json" % i)).write_text(json.dumps(doc, separators=(",", ":"), ensure_ascii=False))


if __name__ == "__main__":
    main()
