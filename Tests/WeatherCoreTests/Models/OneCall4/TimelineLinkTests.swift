import Foundation
import XCTest

@testable import WeatherCore

final class TimelineLinkTests: XCTestCase {
    private func parse(_ text: String, _ steps: [TimelineStep] = [.hour]) -> TimelineLink? {
        TimelineLink.parse(Array(text.utf8), accepting: steps)
    }

    func testDocumentedLinkShapes() {
        XCTAssertEqual(
            parse(
                "https://api.openweathermap.org/data/4.0/onecall/timeline/1day?cnt=10&lat=51.5000&lon=-0.1000&start=1776596400&appid={API key}",
                [.day]),
            TimelineLink(step: .day, start: Date(timeIntervalSince1970: 1_776_596_400), count: 10))
        XCTAssertEqual(
            parse(
                "https://api.openweathermap.org/data/4.0/onecall/timeline/15min?lat=51.5&lon=-0.1&start=1777497300&appid=K",
                [.quarterHour, .hour]),
            TimelineLink(step: .quarterHour, start: Date(timeIntervalSince1970: 1_777_497_300)))
        XCTAssertEqual(
            parse("/data/4.0/onecall/timeline/1h?start=1777521600#frag")?.start,
            Date(timeIntervalSince1970: 1_777_521_600), "an absolute path, a fragment")
        XCTAssertEqual(
            parse("http://127.0.0.1:8080/owm/data/4.0/onecall/timeline/1h?appid=K&start=60")?.start,
            Date(timeIntervalSince1970: 60), "a stub or proxy base URL with its own host and prefix")
    }

    func testAbsentForeignOrGarbageLinksAreNil() {
        XCTAssertNil(parse("https://evil.example/steal?start=1777521600"), "foreign path")
        XCTAssertNil(parse("https://api.openweathermap.org/data/4.0/onecall/timeline/1day?start=1"), "another timeline")
        XCTAssertNil(parse("https://api.openweathermap.org/data/4.0/onecall/timeline/1h/extra?start=1"))
        XCTAssertNil(parse("https://api.openweathermap.org/data/4.0/onecall/timeline/1h?lat=1&lon=2&appid=K"), "no start")
        XCTAssertNil(parse("https://api.openweathermap.org/data/4.0/onecall/timeline/1h?start=abc"))
        XCTAssertNil(parse("https://api.openweathermap.org/data/4.0/onecall/timeline/1h?start=-5"))
        XCTAssertNil(parse("https://api.openweathermap.org/data/4.0/onecall/timeline/1h?start=1e9"))
        XCTAssertNil(parse("https://api.openweathermap.org/data/4.0/onecall/timeline/1h?start=1&start=2"), "ambiguous")
        XCTAssertNil(parse("https://api.openweathermap.org/data/4.0/onecall/timeline/1h?start=1&cnt=x"))
        XCTAssertNil(parse("https://api.openweathermap.org/data/4.0/onecall/timeline/1h?start=99999999999999"))
        XCTAssertNil(parse("data/4.0/onecall/timeline/1h?start=1"), "a relative path")
        XCTAssertNil(parse("https://api.openweathermap.org"), "no path")
        XCTAssertNil(parse(""))
        XCTAssertNil(parse("\u{0}\u{ff}garbage"))
        XCTAssertNil(parse("/data/4.0/onecall/timeline/1h?start=1", []), "current pages take no links")
    }

    func testPageLinksAbsentNullForeignOrNotStringsAreNil() throws {
        func page(_ links: String) throws -> TimelinePage<HourlyForecast> {
            try TimelinePage(jsonBytes: Array(#"{"lat":1,"lon":2,"data":[]\#(links)}"#.utf8))
        }
        XCTAssertNil(try page("").next)
        XCTAssertNil(try page(#","next":null,"prev":null"#).next)
        XCTAssertNil(try page(#","next":"https://evil.example/data/4.0/onecall/alert/x?start=5""#).next)
        XCTAssertNil(try page(#","next":42,"prev":{"start":5}"#).previous)
        XCTAssertNil(try page(#","next":"/data/4.0/onecall/timeline/1h?cnt=20""#).next)
        XCTAssertEqual(
            try page(#","next":"\/data\/4.0\/onecall\/timeline\/1h?start=\u0036\u0030""#).nextStart,
            Date(timeIntervalSince1970: 60), "escaped link text")
    }

    func testKeyFreeTextRoundTrips() {
        let link = TimelineLink(step: .day, start: Date(timeIntervalSince1970: 1_778_324_400), count: 10)
        XCTAssertEqual(link.keyFreeText, "/data/4.0/onecall/timeline/1day?start=1778324400&cnt=10")
        XCTAssertEqual(parse(link.keyFreeText, [.day]), link)
    }
}
