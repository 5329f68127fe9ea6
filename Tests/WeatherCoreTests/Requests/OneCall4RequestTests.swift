import Foundation
import WeatherCore
import XCTest

final class OneCall4RequestTests: XCTestCase {
    private let london = try! Coordinates(latitude: 51.5085, longitude: -0.1257)
    /// 2026-04-29T08:38:20Z.
    private let now = Date(timeIntervalSince1970: 1_777_451_900)

    func testEndpointsPathsFamiliesAndFlags() {
        let expected: [(Endpoint, String, String)] = [
            (.oneCall4Current, "onecall4-current", "/data/4.0/onecall/current"),
            (.oneCall4Minutely, "onecall4-1min", "/data/4.0/onecall/timeline/1min"),
            (.oneCall4QuarterHourly, "onecall4-15min", "/data/4.0/onecall/timeline/15min"),
            (.oneCall4Hourly, "onecall4-1h", "/data/4.0/onecall/timeline/1h"),
            (.oneCall4Daily, "onecall4-1day", "/data/4.0/onecall/timeline/1day"),
            (.oneCall4Alert, "onecall4-alert", "/data/4.0/onecall/alert"),
        ]
        for (endpoint, raw, path) in expected {
            XCTAssertEqual(endpoint.rawValue, raw)
            XCTAssertEqual(Endpoint(rawValue: raw), endpoint)
            XCTAssertEqual(endpoint.path, path)
            XCTAssertEqual(endpoint.family, .oneCall, "spends One Call's daily budget")
            XCTAssertTrue(endpoint.isOneCall)
            XCTAssertTrue(endpoint.isOneCall4)
            XCTAssertEqual(endpoint.takesUnits, endpoint != .oneCall4Alert)
            XCTAssertEqual(endpoint.takesLanguage, endpoint != .oneCall4Alert)
        }
        XCTAssertFalse(Endpoint.oneCall.isOneCall4)
    }

    func testTimelineSteps() {
        XCTAssertEqual(TimelineStep.allCases.map(\.rawValue), ["1min", "15min", "1h", "1day"])
        XCTAssertEqual(TimelineStep.allCases.map(\.seconds), [60, 900, 3600, 86400])
        XCTAssertEqual(TimelineStep.allCases.map(\.recordsPerPage), [60, 50, 20, 10])
        XCTAssertEqual(
            TimelineStep.allCases.map { $0.endpoint.path.split(separator: "/").last.map(String.init) },
            ["1min", "15min", "1h", "1day"])
        XCTAssertEqual(TimelineStep(endpoint: .oneCall4Hourly), .hour)
        XCTAssertNil(TimelineStep(endpoint: .oneCall4Current))

        XCTAssertEqual(TimelineStep.minute.span(now: now).lowerBound, Date(timeIntervalSince1970: 1_777_451_880))
        XCTAssertEqual(TimelineStep.minute.span(now: now).upperBound, Date(timeIntervalSince1970: 1_777_455_480))
        XCTAssertEqual(TimelineStep.quarterHour.span(now: now).lowerBound, Date(timeIntervalSince1970: 1_777_451_400))
        XCTAssertEqual(
            TimelineStep.quarterHour.span(now: now).upperBound, Date(timeIntervalSince1970: 1_777_451_400 + 48 * 3600))
        XCTAssertEqual(TimelineStep.hour.span(now: now).lowerBound, TimelineStep.firstHistoricalInstant)
        XCTAssertEqual(TimelineStep.hour.span(now: now).upperBound, Date(timeIntervalSince1970: 1_777_449_600 + 48 * 3600))
        XCTAssertEqual(TimelineStep.day.span(now: now).upperBound, Date(timeIntervalSince1970: 1_777_420_800 + 548 * 86400))
        XCTAssertEqual(TimelineStep.day.alignedDown(now), Date(timeIntervalSince1970: 1_777_420_800), "UTC midnight")
        XCTAssertEqual(TimelineStep.hour.alignedDown(Date(timeIntervalSince1970: -1)), Date(timeIntervalSince1970: -3600))
    }

    func testPathsAndQueries() throws {
        let cases: [(OpenWeatherRequest, String)] = [
            (
                try .oneCall4Current(london, language: "DE"),
                "/data/4.0/onecall/current?lat=51.5085&lon=-0.1257&units=standard&lang=de"
            ),
            (
                try .timeline(london, step: .minute, now: now),
                "/data/4.0/onecall/timeline/1min?lat=51.5085&lon=-0.1257&units=standard"
            ),
            (
                try .timeline(london, step: .hour, start: now, count: 20, language: "fr", now: now),
                "/data/4.0/onecall/timeline/1h?lat=51.5085&lon=-0.1257&start=1777449600&cnt=20&units=standard&lang=fr"
            ),
            (
                try .timeline(london, step: .quarterHour, start: now.addingTimeInterval(1000), now: now),
                "/data/4.0/onecall/timeline/15min?lat=51.5085&lon=-0.1257&start=1777452300&units=standard"
            ),
            (
                try .timeline(london, step: .day, start: Date(timeIntervalSince1970: 283_996_800 + 5), count: 1, now: now),
                "/data/4.0/onecall/timeline/1day?lat=51.5085&lon=-0.1257&start=283996800&cnt=1&units=standard"
            ),
            (try .oneCallAlert(id: "8B46C632-DCA7-44D7-8BDF-02445621BAFF"), "/data/4.0/onecall/alert/8B46C632-DCA7-44D7-8BDF-02445621BAFF"),
        ]
        for (request, expected) in cases {
            XCTAssertEqual(request.pathAndQuery, expected)
        }
    }

    func testStartOutsideTheSpanIsRejected() {
        let outside: [(TimelineStep, Date)] = [
            (.minute, now.addingTimeInterval(-120)),
            (.minute, now.addingTimeInterval(3700)),
            (.quarterHour, now.addingTimeInterval(-3600)),
            (.quarterHour, now.addingTimeInterval(49 * 3600)),
            (.hour, Date(timeIntervalSince1970: 283_996_799)),
            (.hour, now.addingTimeInterval(50 * 3600)),
            (.day, Date(timeIntervalSince1970: 200_000_000)),
            (.day, now.addingTimeInterval(600 * 86400)),
            (.hour, Date(timeIntervalSince1970: .infinity)),
        ]
        for (step, start) in outside {
            XCTAssertThrowsError(try OpenWeatherRequest.timeline(london, step: step, start: start, now: now)) { error in
                let error = error as? WeatherError
                XCTAssertEqual(error?.code, .invalidRequest, "\(step) \(start)")
                XCTAssertTrue(error?.message.contains("\(step) timeline") ?? false, "\(String(describing: error))")
            }
        }
        XCTAssertNoThrow(try OpenWeatherRequest.timeline(london, step: .hour, start: TimelineStep.firstHistoricalInstant, now: now))
        XCTAssertNoThrow(try OpenWeatherRequest.timeline(london, step: .quarterHour, start: now, now: now))
    }

    func testCountOutOfRangeIsRejected() {
        for step in TimelineStep.allCases {
            for count in [0, -1, step.recordsPerPage + 1] {
                XCTAssertThrowsError(try OpenWeatherRequest.timeline(london, step: step, count: count, now: now)) {
                    XCTAssertEqual(($0 as? WeatherError)?.code, .invalidRequest)
                    XCTAssertTrue(($0 as? WeatherError)?.message.contains("1 to \(step.recordsPerPage)") ?? false)
                }
            }
            XCTAssertNoThrow(try OpenWeatherRequest.timeline(london, step: step, count: step.recordsPerPage, now: now))
        }
    }

    func testAlertIDIsOnePercentEncodedSegmentAndItsOwnCacheKey() throws {
        let request = try OpenWeatherRequest.oneCallAlert(id: "2.49.0.0.380.3.IT.260903120000.W:Heat:0001")
        XCTAssertEqual(request.path, "/data/4.0/onecall/alert/2.49.0.0.380.3.IT.260903120000.W%3AHeat%3A0001")
        XCTAssertEqual(request.queryItems, [], "no place, units or language")
        XCTAssertNil(request.place)
        XCTAssertEqual(request.family, .oneCall)
        XCTAssertEqual(request.cacheKey.rawValue, "wt:v2:onecall4-alert:id=2.49.0.0.380.3.IT.260903120000.W%3AHeat%3A0001")
        XCTAssertEqual(request.subjectText, "alert 2.49.0.0.380.3.IT.260903120000.W:Heat:0001")
        let http = request.httpRequest(apiKey: APIKey("K3Y"))
        XCTAssertEqual(
            http.head.absoluteURL,
            "https://api.openweathermap.org/data/4.0/onecall/alert/2.49.0.0.380.3.IT.260903120000.W%3AHeat%3A0001?appid=K3Y")

        let slashed = try OpenWeatherRequest.oneCallAlert(id: "a/../b?c#d %")
        XCTAssertEqual(slashed.path, "/data/4.0/onecall/alert/a%2F..%2Fb%3Fc%23d%20%25")
        XCTAssertNotEqual(
            try OpenWeatherRequest.oneCallAlert(id: "abc").cacheKey, try OpenWeatherRequest.oneCallAlert(id: "ABC").cacheKey,
            "opaque ids are not case-folded")
        XCTAssertEqual(try OpenWeatherRequest.oneCallAlert(id: "  abc\n").path, "/data/4.0/onecall/alert/abc")
    }

    func testInvalidAlertIDsAreRejected() {
        for id in ["", "   ", String(repeating: "a", count: 257), "a\u{0}b", ".", ".."] {
            XCTAssertThrowsError(try OpenWeatherRequest.oneCallAlert(id: id)) {
                XCTAssertEqual(($0 as? WeatherError)?.code, .invalidRequest, id)
            }
        }
        XCTAssertNoThrow(try OpenWeatherRequest.oneCallAlert(id: String(repeating: "a", count: 256)))
    }

    func testTimelineCacheKeysDifferByStepStartAndCount() throws {
        let keys = try [
            OpenWeatherRequest.timeline(london, step: .hour, now: now),
            OpenWeatherRequest.timeline(london, step: .hour, start: now, now: now),
            OpenWeatherRequest.timeline(london, step: .hour, start: now.addingTimeInterval(59), now: now),
            OpenWeatherRequest.timeline(london, step: .quarterHour, start: now, now: now),
            OpenWeatherRequest.timeline(london, step: .hour, start: now, count: 5, now: now),
            OpenWeatherRequest.oneCall4Current(london),
        ].map(\.cacheKey.rawValue)
        XCTAssertEqual(keys[1], keys[2], "starts within one step share a page")
        XCTAssertEqual(Set(keys).count, 5)
        XCTAssertEqual(keys[1], "wt:v2:onecall4-1h:lat=51.51,lon=-0.13:start=1777449600:lang=en")
        XCTAssertFalse(keys.contains { $0.contains("units") })
    }
}
