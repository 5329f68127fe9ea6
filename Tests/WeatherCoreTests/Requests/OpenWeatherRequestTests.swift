import Foundation
import HTTPTypes
import WeatherCore
import XCTest

final class OpenWeatherRequestTests: XCTestCase {
    private let zurich = try! Coordinates(latitude: 47.3769, longitude: 8.5417)

    func testEveryEndpointsPathAndQuery() throws {
        let now = Date(timeIntervalSince1970: 1_777_451_900)
        let day = try CalendarDate(parsing: "2024-03-15")
        let cases: [(OpenWeatherRequest, String)] = [
            (try .current(.city(name: "London", country: "GB")), "/data/2.5/weather?q=London,GB&units=standard"),
            (try .current(.cityID(2_643_743), language: "DE"), "/data/2.5/weather?id=2643743&units=standard&lang=de"),
            (
                try .forecast(.zip(code: "94040", country: "US"), count: 8),
                "/data/2.5/forecast?zip=94040,US&cnt=8&units=standard"
            ),
            (try .oneCall(zurich), "/data/3.0/onecall?lat=47.3769&lon=8.5417&units=standard"),
            (
                try .oneCall(zurich, exclude: [.alerts, .minutely], language: "fr"),
                "/data/3.0/onecall?lat=47.3769&lon=8.5417&exclude=minutely,alerts&units=standard&lang=fr"
            ),
            (
                try .timeMachine(zurich, at: Date(timeIntervalSince1970: 1_700_000_000.9)),
                "/data/3.0/onecall/timemachine?lat=47.3769&lon=8.5417&dt=1700000000&units=standard"
            ),
            (
                try .daySummary(zurich, date: day, utcOffset: -9000),
                "/data/3.0/onecall/day_summary?lat=47.3769&lon=8.5417&date=2024-03-15&tz=-02%3A30&units=standard"
            ),
            (
                try .daySummary(zurich, date: day),
                "/data/3.0/onecall/day_summary?lat=47.3769&lon=8.5417&date=2024-03-15&units=standard"
            ),
            (try .overview(zurich), "/data/3.0/onecall/overview?lat=47.3769&lon=8.5417&units=standard"),
            (
                try .overview(zurich, date: day),
                "/data/3.0/onecall/overview?lat=47.3769&lon=8.5417&date=2024-03-15&units=standard"
            ),
            (try .geocode(city: "Zürich", country: "CH", limit: 1), "/geo/1.0/direct?q=Z%C3%BCrich,CH&limit=1"),
            (try .reverseGeocode(zurich, limit: 3), "/geo/1.0/reverse?lat=47.3769&lon=8.5417&limit=3"),
            (try .geocode(zip: "E14", country: "GB"), "/geo/1.0/zip?zip=E14,GB"),
            (try .airPollution(zurich), "/data/2.5/air_pollution?lat=47.3769&lon=8.5417"),
            (try .airPollutionForecast(zurich), "/data/2.5/air_pollution/forecast?lat=47.3769&lon=8.5417"),
            (
                try .airPollutionHistory(
                    zurich, from: Date(timeIntervalSince1970: 1_606_482_000),
                    to: Date(timeIntervalSince1970: 1_606_488_000)),
                "/data/2.5/air_pollution/history?lat=47.3769&lon=8.5417&start=1606482000&end=1606488000"
            ),
            (try .oneCall4Current(zurich), "/data/4.0/onecall/current?lat=47.3769&lon=8.5417&units=standard"),
            (
                try .timeline(zurich, step: .minute, now: now),
                "/data/4.0/onecall/timeline/1min?lat=47.3769&lon=8.5417&units=standard"
            ),
            (
                try .timeline(zurich, step: .quarterHour, count: 4, now: now),
                "/data/4.0/onecall/timeline/15min?lat=47.3769&lon=8.5417&cnt=4&units=standard"
            ),
            (
                try .timeline(zurich, step: .hour, start: Date(timeIntervalSince1970: 1_700_000_000), now: now),
                "/data/4.0/onecall/timeline/1h?lat=47.3769&lon=8.5417&start=1699999200&units=standard"
            ),
            (
                try .timeline(zurich, step: .day, language: "it", now: now),
                "/data/4.0/onecall/timeline/1day?lat=47.3769&lon=8.5417&units=standard&lang=it"
            ),
            (try .oneCallAlert(id: "a:b"), "/data/4.0/onecall/alert/a%3Ab"),
        ]
        XCTAssertEqual(Set(cases.map(\.0.endpoint)), Set(Endpoint.allCases), "every endpoint is covered")
        for (request, expected) in cases {
            XCTAssertEqual(request.pathAndQuery, expected)
            if request.endpoint == .oneCall4Alert {
                XCTAssertTrue(request.path.hasPrefix(request.endpoint.path + "/"), "the id is one more segment")
            } else {
                XCTAssertEqual(request.path, request.endpoint.path)
            }
            XCTAssertEqual(request.description, "GET \(expected)")
        }
    }

    func testTimeZoneOffsetsArePercentEncoded() throws {
        // `+` would read as a space on the server, so the sign and the colon are encoded.
        let east = try OpenWeatherRequest.daySummary(
            zurich, date: CalendarDate(parsing: "2024-03-15"), utcOffset: 19800)
        XCTAssertEqual(east.parameters.last?.description, "tz=%2B05%3A30")
    }

    func testUpstreamIsAlwaysAskedInStandardUnits() throws {
        for endpoint in Endpoint.allCases where endpoint.takesUnits {
            XCTAssertTrue(
                [
                    .current, .forecast, .oneCall, .timeMachine, .daySummary, .overview, .oneCall4Current,
                    .oneCall4Minutely, .oneCall4QuarterHourly, .oneCall4Hourly, .oneCall4Daily,
                ].contains(endpoint))
        }
        let request = try OpenWeatherRequest.forecast(.city(name: "Oslo"))
        XCTAssertEqual(request.queryItems.filter { $0.name == "units" }.map(\.encodedValue), ["standard"])
    }

    func testTheKeyIsAddedLastAndEncoded() throws {
        let request = try OpenWeatherRequest.current(.city(name: "London"), language: "en")
        let http = request.httpRequest(apiKey: APIKey("k3y+with/odd=chars"))
        XCTAssertEqual(http.head.method, .get)
        XCTAssertEqual(
            http.head.absoluteURL,
            "https://api.openweathermap.org/data/2.5/weather?q=London&units=standard&lang=en&appid=k3y%2Bwith%2Fodd%3Dchars"
        )
        XCTAssertEqual(http.head.headerFields, [.accept: "application/json"])
        let stub = request.httpRequest(baseURL: "http://127.0.0.1:8080/", apiKey: APIKey("abc"))
        XCTAssertEqual(
            stub.head.absoluteURL, "http://127.0.0.1:8080/data/2.5/weather?q=London&units=standard&lang=en&appid=abc")
        let airStub = try OpenWeatherRequest.geocode(zip: "E14").httpRequest(
            baseURL: "http://127.0.0.1:1", apiKey: APIKey("x"))
        XCTAssertEqual(airStub.head.absoluteURL, "http://127.0.0.1:1/geo/1.0/zip?zip=E14&appid=x")
    }

    func testTheKeyNeverAppearsInAnyPrintout() throws {
        let secret = "0123456789abcdef0123456789abcdef"
        let key = APIKey(secret)
        let http = try OpenWeatherRequest.oneCall(zurich).httpRequest(apiKey: key)
        XCTAssertTrue(http.head.absoluteURL.contains(secret), "the wire URL carries the key")
        var dumpedRequest = ""
        dump(http, to: &dumpedRequest)
        var dumpedKey = ""
        dump(key, to: &dumpedKey)
        let printouts = [
            http.description, http.debugDescription, String(describing: http), String(reflecting: http), "\(http)",
            http.redactedURL, dumpedRequest, key.description, key.debugDescription, String(describing: key),
            String(reflecting: key), "\(key)", dumpedKey, String(describing: [key]),
            WeatherError(code: .timeout, message: "Timed out", url: http.head.absoluteURL).description,
        ]
        for text in printouts {
            XCTAssertFalse(text.contains(secret), text)
        }
        XCTAssertTrue(http.description.contains("appid=REDACTED"), http.description)
        XCTAssertTrue(dumpedRequest.contains("appid=REDACTED"), dumpedRequest)
    }

    func testAPIKeyValidation() {
        XCTAssertNoThrow(try APIKey(validating: " 0123456789abcdef0123456789abcdef\n"))
        for bad in ["", "   ", "has space", "tab\there", "ключ"] {
            XCTAssertThrowsError(try APIKey(validating: bad)) { error in
                let error = error as? WeatherError
                XCTAssertEqual(error?.code, .invalidAPIKey)
                XCTAssertTrue(error?.message.contains("OPENWEATHER_API_KEY") == true)
                if bad.count > 3 { XCTAssertFalse(error?.description.contains(bad) == true) }
            }
        }
        XCTAssertEqual(APIKey(" abc "), APIKey("abc"))
    }

    func testOptionsAreValidated() {
        let invalid: [() throws -> OpenWeatherRequest] = [
            { try .forecast(.city(name: "Oslo"), count: 0) },
            { try .forecast(.city(name: "Oslo"), count: 41) },
            { try .current(.city(name: "Oslo"), language: "e") },
            { try .current(.city(name: "Oslo"), language: "en-US") },
            { try .current(.city(name: "Oslo"), language: "english") },
            { try .geocode(city: "Oslo", limit: 0) },
            { try .geocode(city: "Oslo", limit: 6) },
            { try .reverseGeocode(self.zurich, limit: 10) },
            { try .daySummary(self.zurich, date: CalendarDate(parsing: "1979-01-01")) },
            { try .daySummary(self.zurich, date: CalendarDate(parsing: "2024-01-01"), utcOffset: 61) },
            { try .daySummary(self.zurich, date: CalendarDate(parsing: "2024-01-01"), utcOffset: 15 * 3600) },
            { try .timeMachine(self.zurich, at: Date(timeIntervalSince1970: 0)) },
            {
                try .airPollutionHistory(
                    self.zurich, from: Date(timeIntervalSince1970: 1_700_000_100),
                    to: Date(timeIntervalSince1970: 1_700_000_000))
            },
            {
                try .airPollutionHistory(
                    self.zurich, from: Date(timeIntervalSince1970: 1_500_000_000),
                    to: Date(timeIntervalSince1970: 1_700_000_000))
            },
        ]
        for (index, make) in invalid.enumerated() {
            XCTAssertThrowsError(try make(), "case \(index)") { error in
                let error = error as? WeatherError
                XCTAssertEqual(error?.code, .invalidRequest, "case \(index)")
                XCTAssertFalse(error?.message.isEmpty ?? true)
            }
        }
        XCTAssertNoThrow(try OpenWeatherRequest.forecast(.city(name: "Oslo"), count: 40))
        XCTAssertNoThrow(try OpenWeatherRequest.current(.city(name: "Oslo"), language: "zh_cn"))
        XCTAssertNoThrow(
            try OpenWeatherRequest.daySummary(zurich, date: CalendarDate(parsing: "1979-01-02"), utcOffset: 14 * 3600))
    }

    func testCacheKeys() throws {
        let a = try OpenWeatherRequest.current(.city(name: "Zurich", country: "CH"))
        let b = try OpenWeatherRequest.current(.city(name: " zurich", country: "ch"), language: "EN")
        XCTAssertEqual(a.cacheKey.rawValue, "wt:v2:current:city=zurich,ch:lang=en")
        XCTAssertEqual(a.cacheKey.rawValue, b.cacheKey.rawValue)
        XCTAssertNotEqual(
            a.cacheKey.rawValue,
            try OpenWeatherRequest.current(.city(name: "Zurich", country: "CH"), language: "de").cacheKey.rawValue)
        XCTAssertNotEqual(
            a.cacheKey.rawValue, try OpenWeatherRequest.forecast(.city(name: "Zurich", country: "CH")).cacheKey.rawValue)
        XCTAssertEqual(
            try OpenWeatherRequest.oneCall(zurich, exclude: [.alerts, .minutely]).cacheKey.rawValue,
            "wt:v2:onecall:lat=47.38,lon=8.54:exclude=minutely,alerts:lang=en")
        XCTAssertEqual(try OpenWeatherRequest.airPollution(zurich).cacheKey.rawValue, "wt:v2:air:lat=47.38,lon=8.54:lang=en")
        XCTAssertNotEqual(
            try OpenWeatherRequest.timeMachine(zurich, at: Date(timeIntervalSince1970: 1_700_000_000)).cacheKey.rawValue,
            try OpenWeatherRequest.timeMachine(zurich, at: Date(timeIntervalSince1970: 1_700_003_600)).cacheKey.rawValue)
        for request in [a, b] {
            XCTAssertFalse(request.cacheKey.rawValue.contains("units"))
            XCTAssertFalse(request.cacheKey.rawValue.contains("appid"))
        }
    }

    func testOneCallSections() {
        XCTAssertEqual(OneCallSections.all.description, "current,minutely,hourly,daily,alerts")
        XCTAssertEqual(([.daily, .current] as OneCallSections).names, ["current", "daily"])
        XCTAssertEqual(OneCallSections().description, "")
    }

    func testEndpointFacts() {
        XCTAssertEqual(Endpoint.allCases.count, 18)
        XCTAssertEqual(Set(Endpoint.allCases.map(\.path)).count, 18)
        XCTAssertEqual(
            Endpoint.allCases.filter(\.isOneCall),
            [
                .oneCall, .timeMachine, .daySummary, .overview, .oneCall4Current, .oneCall4Minutely,
                .oneCall4QuarterHourly, .oneCall4Hourly, .oneCall4Daily, .oneCall4Alert,
            ])
        XCTAssertEqual(Endpoint.allCases.filter(\.isOneCall4).count, 6)
    }
}
