import Foundation
import HTTPTypes
import OpenWeatherStub
import WeatherCore
import WeatherHTTP
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// The place page's One Call sections against the stub with each plan: the alert banner, the next
/// hour by minute, and 48 hours by quarter hour (4.0 only).
final class PlacePageOneCallTests: XCTestCase {
    /// Today at noon UTC: the stub's Berlin heat alert (10:00–18:00 UTC) is in force.
    static let noon = Int(Date().timeIntervalSince1970) / 86400 * 86400 + 12 * 3600

    /// Runs `body` with a stub configured as given and a harness over a curl transport to it,
    /// the transport optionally wrapped (to rewrite answers).
    private func withHarness(
        _ configuration: OpenWeatherStub.Configuration,
        wrap: @escaping @Sendable (CurlTransport) -> any HTTPTransport = { $0 },
        _ body: (PageHarness, OpenWeatherStub) async throws -> Void
    ) async throws {
        try await OpenWeatherStub.withRunning(configuration: configuration) { stub in
            let curl = CurlTransport(configuration: .init(connectTimeout: .seconds(2), timeout: .seconds(5)))
            let harness = PageHarness(transport: wrap(curl), baseURL: stub.baseURL)
            do {
                try await body(harness, stub)
            } catch {
                await curl.shutdown()
                throw error
            }
            await curl.shutdown()
        }
    }

    func testOneCall4PageHasTheMinuteAndQuarterHourCharts() async throws {
        try await withHarness(.init(oneCallPlan: .oneCall4)) { harness, stub in
            let page = try await harness.fetch("/place?city=Berlin")
            assertPageHeaders(page)
            XCTAssertTrue(
                page.body.contains("Next hour&#39;s precipitation") || page.body.contains("Next hour's precipitation"))
            if let minute = page.body.svg(withClass: "minute-chart") {
                let svg = try SVGDocument(parsing: minute)
                XCTAssertEqual(svg.elements(withClass: "minute-bar").count, 60)
                XCTAssertTrue(minute.contains("<title id=\"minute-chart-title\">"))
            } else {
                XCTAssertTrue(page.body.contains("No precipitation expected in the next hour."), page.body)
            }
            let quarter = try SVGDocument(parsing: try XCTUnwrap(page.body.svg(withClass: "quarter-chart"), page.body))
            let points = quarter.elements(withClass: "temp-point")
            XCTAssertGreaterThanOrEqual(points.count, 190, "48 hours of quarter hours")
            XCTAssertEqual(quarter.elements(withClass: "pop-bar").count, points.count)
            let times = points.compactMap { $0.attributes["data-time"] }
            XCTAssertEqual(Set(times).count, times.count)
            XCTAssertTrue(page.body.contains("Next 48 hours, every 15 minutes"))
            // The 5-day chart is still the first forecast-chart, and ids stay unique.
            XCTAssertNotNil(page.body.svg(withClass: "forecast-chart"))
            XCTAssertEqual(page.body.occurrences(of: "id=\"quarter-chart-title\""), 1)
            XCTAssertFalse(page.body.contains("class=\"problem\""), page.body)

            // A repeat view within the cache's freshness costs no One Call call.
            let before = stub.stats.requestsByPath.filter { $0.key.hasPrefix("/data/4.0/") }.values.reduce(0, +)
            _ = try await harness.fetch("/place?city=Berlin")
            let after = stub.stats.requestsByPath.filter { $0.key.hasPrefix("/data/4.0/") }.values.reduce(0, +)
            XCTAssertEqual(after, before)
        }
    }

    func testOneCallLookupsAreKeyedSoRepeatViewsAreCacheHits() async throws {
        try await OpenWeatherStub.withRunning(configuration: .init(oneCallPlan: .oneCall4)) { stub in
            let transport = RecordingTransport(base: CurlTransport(configuration: .init(timeout: .seconds(5))))
            addTeardownBlock { await transport.shutdown() }
            let harness = PageHarness(transport: transport, baseURL: stub.baseURL)
            let page = try await harness.fetch("/place?city=Berlin")
            assertPageHeaders(page)
            let urls = transport.urls
            // The minute page and the first quarter-hour page are asked for without a start (their
            // keys do not change from one minute to the next); later quarter-hour pages start where
            // the first one's links say.
            let minute = urls.filter { $0.contains("/data/4.0/onecall/timeline/1min") }
            XCTAssertEqual(minute.count, 1, "\(urls)")
            XCTAssertFalse(minute.contains { $0.contains("start=") }, "\(minute)")
            let quarter = urls.filter { $0.contains("/data/4.0/onecall/timeline/15min") }
            XCTAssertEqual(quarter.count, 4, "\(urls)")
            XCTAssertFalse(quarter[0].contains("start="), quarter[0])
            XCTAssertTrue(quarter.dropFirst().allSatisfy { $0.contains("start=") }, "\(quarter)")
            XCTAssertFalse(urls.contains { $0.contains("/data/3.0/") }, "\(urls)")
            _ = try await harness.fetch("/place?city=Berlin")
            XCTAssertEqual(transport.urls.count, urls.count, "a repeat view is answered from the cache")
        }
    }

    func testOneCall3PageHasTheMinuteChartAndNoQuarterHourSection() async throws {
        try await withHarness(.init(oneCallPlan: .oneCall3)) { harness, _ in
            let pages = try await harness.fetch(["/place?city=Berlin", "/place?city=London,GB"])
            for page in pages {
                assertPageHeaders(page)
                XCTAssertNil(page.body.svg(withClass: "quarter-chart"))
                XCTAssertFalse(page.body.contains("every 15 minutes"), page.body)
                XCTAssertFalse(page.body.contains("class=\"problem\""), page.body)
                XCTAssertTrue(
                    page.body.svg(withClass: "minute-chart") != nil
                        || page.body.contains("No precipitation expected in the next hour."), page.body)
            }
        }
    }

    func testNoOneCallPlanOnlyHidesItsSections() async throws {
        try await withHarness(.init(oneCallPlan: .noOneCall)) { harness, _ in
            let page = try await harness.fetch("/place?city=Berlin")
            assertPageHeaders(page)
            XCTAssertNotNil(page.body.svg(withClass: "forecast-chart"))
            XCTAssertNil(page.body.svg(withClass: "minute-chart"))
            XCTAssertNil(page.body.svg(withClass: "quarter-chart"))
            XCTAssertFalse(page.body.contains("class=\"alerts\""))
            XCTAssertTrue(page.body.contains("alerts-problem"), page.body)
        }
    }

    func testAlertBannerForBerlinInItsHours() async throws {
        let noon = Self.noon
        try await withHarness(.init(now: { noon }, oneCallPlan: .oneCall4)) { harness, _ in
            let pages = try await harness.fetch(["/place?city=Berlin", "/place?city=Berlin&lang=de"])
            for page in pages { assertPageHeaders(page) }
            let english = pages[0].body
            let banner = try XCTUnwrap(english.range(of: "<section class=\"alerts\""), english)
            let now = try XCTUnwrap(english.range(of: "id=\"now-heading\""))
            XCTAssertLessThan(banner.lowerBound, now.lowerBound, "the banner comes first")
            XCTAssertTrue(english.contains("<p class=\"alert-event\">Extreme high temperature</p>"), english)
            XCTAssertTrue(english.contains("Deutscher Wetterdienst"))
            XCTAssertTrue(english.contains("11:00 – 19:00 (UTC+1)"), english)
            XCTAssertTrue(english.contains("<details class=\"alert-details\">"))
            XCTAssertTrue(english.contains("lang=\"en-GB\">Heat warning"), english)
            XCTAssertTrue(pages[1].body.contains("lang=\"de-DE\">Amtliche WARNUNG vor HITZE"), pages[1].body)
        }
    }

    func testAlertTextIsEscaped() async throws {
        let noon = Self.noon
        let evil = #"""
            {"sender_name":"Wetter <b>Dienst</b>","event":"<script>alert('event')</script>","start":\#(noon - 3600),
             "end":\#(noon + 3600),"tags":["Heat"],
             "description":[{"language":"en-GB","description":"Stay cool</p><script>alert('x')</script>"}]}
            """#
        try await withHarness(
            .init(now: { noon }, oneCallPlan: .oneCall4),
            wrap: { AlertRewritingTransport(base: $0, body: evil) }
        ) { harness, _ in
            let page = try await harness.fetch("/place?city=Berlin")
            assertPageHeaders(page)
            XCTAssertTrue(page.body.contains("class=\"alerts\""), page.body)
            XCTAssertFalse(page.body.contains("<script>alert"), page.body)
            XCTAssertFalse(page.body.contains("<b>Dienst"))
            XCTAssertTrue(page.body.contains("&lt;script&gt;alert("), page.body)
            XCTAssertTrue(page.body.contains("Stay cool&lt;/p&gt;"), page.body)
        }
    }

    func testMinuteChartDrawsEachMinute() throws {
        let start = Date(timeIntervalSince1970: TimeInterval(Self.noon))
        let minutes = (0..<60).map {
            MinuteRainChart.Minute(time: start.addingTimeInterval(TimeInterval($0 * 60)), intensity: $0 < 30 ? 0 : 1.5)
        }
        let chart = MinuteRainChart(
            minutes: minutes, clock: PlaceClock(utcOffsetSeconds: 3600), unit: .millimeters, title: "Rain <soon>")
        XCTAssertFalse(chart.isDry)
        let markup = chart.render().markup
        let svg = try SVGDocument(parsing: markup)
        let bars = svg.elements(withClass: "minute-bar")
        XCTAssertEqual(bars.count, 60)
        XCTAssertEqual(bars.first?.attributes["data-time"], PlaceClock(utcOffsetSeconds: 3600).iso8601(start))
        XCTAssertEqual(bars.last?.attributes["data-value"], "1.50")
        XCTAssertEqual(bars.first?.attributes["height"], "0")
        XCTAssertTrue(markup.contains("Rain &lt;soon&gt;"))
        XCTAssertTrue(markup.contains("precipitation in 30 of 60 minutes"), markup)
        XCTAssertTrue(markup.contains("role=\"img\""))
        XCTAssertTrue(
            MinuteRainChart(
                minutes: minutes.map { .init(time: $0.time, intensity: 0) }, clock: .utc,
                unit: .millimeters, title: "t"
            ).isDry)
    }
}

/// Forwards to curl, answering One Call 4.0 alert details with a fixed body.
private final class AlertRewritingTransport: HTTPTransport {
    private let base: CurlTransport
    private let body: String

    init(base: CurlTransport, body: String) {
        self.base = base
        self.body = body
    }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        if request.head.absoluteURL.contains("/data/4.0/onecall/alert/") {
            return TransportResponse(
                status: .ok, headerFields: [.contentType: "application/json"], body: Array(body.utf8))
        }
        return try await base.send(request)
    }

    func shutdown() async { await base.shutdown() }
}
