import Foundation
import HTTPTypes
import OpenWeatherStub
import WeatherCore
import WeatherHTTP
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// `/` and `/place` against the OpenWeather stub, in-process.
final class PageRouteTests: XCTestCase {
    let tracked: [Place] = [.city(name: "London", country: "GB"), .city(name: "Zürich", country: "CH")]

    func testOverviewHasACardPerTrackedPlace() async throws {
        try await withStubHarness(trackedPlaces: tracked) { harness, _ in
            let page = try await harness.fetch("/")
            assertPageHeaders(page)
            XCTAssertTrue(page.body.hasPrefix("<!doctype html>"))
            XCTAssertEqual(page.body.occurrences(of: "<li class=\"card\">"), 2)
            XCTAssertTrue(page.body.contains(">London, GB</a>"), page.body)
            XCTAssertTrue(page.body.contains(">Zürich, CH</a>"))
            XCTAssertTrue(page.body.contains("href=\"/place?city=Z%C3%BCrich&amp;country=CH\""))
            XCTAssertTrue(page.body.contains("class=\"aqi-badge aqi-"))
            XCTAssertTrue(page.body.contains("Beaufort "))
            XCTAssertTrue(page.body.contains("updated "))
            XCTAssertTrue(page.body.contains("°C"))
            XCTAssertTrue(page.body.contains("Demo mode"))
            XCTAssertTrue(page.body.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"icon icon-"))
        }
    }

    func testSearchedPlaceComesFirstAndUnitsAndLanguageAreKept() async throws {
        try await withStubHarness(trackedPlaces: tracked) { harness, _ in
            let page = try await harness.fetch("/?city=Paris&units=imperial&lang=de")
            assertPageHeaders(page)
            XCTAssertEqual(page.body.occurrences(of: "<li class=\"card\">"), 3)
            let paris = try XCTUnwrap(page.body.range(of: ">Paris, FR</a>"))
            let london = try XCTUnwrap(page.body.range(of: ">London, GB</a>"))
            XCTAssertLessThan(paris.lowerBound, london.lowerBound)
            // The page's own words stay English; condition texts are marked as German.
            XCTAssertTrue(page.body.contains("<html lang=\"en\">"))
            XCTAssertTrue(page.body.contains("<p class=\"condition\" lang=\"de\">"))
            XCTAssertTrue(page.body.contains("°F"))
            XCTAssertFalse(page.body.contains("°C<"))
            XCTAssertTrue(page.body.contains("href=\"/place?city=Paris&amp;units=imperial&amp;lang=de\""))
            // The switch back to metric keeps the place and the language.
            XCTAssertTrue(page.body.contains("href=\"/?city=Paris&amp;lang=de\">°C, m/s</a>"))
            XCTAssertTrue(page.body.contains("<input type=\"hidden\" name=\"units\" value=\"imperial\">"))
        }
    }

    func testPlacePageChartMatchesTheForecast() async throws {
        try await withStubHarness { harness, _ in
            let page = try await harness.fetch("/place?city=Z%C3%BCrich")
            assertPageHeaders(page)
            XCTAssertTrue(page.body.contains("<h1>Zürich, CH</h1>"))
            let forecast = try await harness.dependencies.client.forecast(for: .city(name: "Zürich")).value
            let svg = try SVGDocument(parsing: try XCTUnwrap(page.body.svg(withClass: "forecast-chart")))
            let points = svg.elements(withClass: "temp-point")
            XCTAssertEqual(points.count, forecast.entries.count)
            XCTAssertEqual(
                points.map { $0.attributes["data-value"] },
                forecast.entries.map { NumberText.format($0.main.temperature.celsius, digits: 1) })
            let clock = PlaceClock(utcOffsetSeconds: forecast.city.utcOffsetSeconds)
            XCTAssertEqual(points.map { $0.attributes["data-time"] }, forecast.entries.map { clock.iso8601($0.time) })
            // y is one affine function of the temperature: warmer is higher.
            let values = forecast.entries.map(\.main.temperature.celsius)
            let ys = points.compactMap { Double($0.attributes["cy"] ?? "") }
            let (i, j) = (
                values.indices.min { values[$0] < values[$1] }!, values.indices.max { values[$0] < values[$1] }!
            )
            let slope = (ys[j] - ys[i]) / (values[j] - values[i])
            XCTAssertLessThan(slope, 0)
            for k in values.indices {
                XCTAssertEqual(ys[k], ys[i] + slope * (values[k] - values[i]), accuracy: 0.05)
            }
            XCTAssertEqual(
                svg.elements(withClass: "pop-bar").map { $0.attributes["data-value"] },
                forecast.entries.map { NumberText.format(($0.precipitationProbability ?? 0) * 100) })
            XCTAssertEqual(
                svg.elements(withClass: "precip-bar").count,
                forecast.entries.filter { ForecastDigest.precipitation(of: $0, in: .millimeters) > 0 }.count)
            // Day separators at local midnight, one table row per local day.
            for separator in svg.elements(withClass: "day-separator") {
                XCTAssertTrue(separator.attributes["data-time"]?.contains("T00:00+") ?? false)
            }
            let days = Set(forecast.entries.map { clock.dayNumber(of: $0.time) })
            XCTAssertEqual(page.body.occurrences(of: "<tr><th scope=\"row\">"), days.count)
            // The air-quality strip.
            let strip = try SVGDocument(parsing: try XCTUnwrap(page.body.svg(withClass: "air-strip")))
            XCTAssertEqual(strip.elements(withClass: "aqi-band").count, 96)
            XCTAssertTrue(page.body.contains("Other places with this name"))
        }
    }

    func testPlaceByCoordinatesAndSearchText() async throws {
        try await withStubHarness { harness, _ in
            let pages = try await harness.fetch(["/place?lat=47.37&lon=8.54&units=imperial", "/place?q=London%2CGB"])
            assertPageHeaders(pages[0])
            XCTAssertTrue(pages[0].body.contains("47.37, 8.54"))
            XCTAssertTrue(pages[0].body.contains("Temperature (°F)"))
            XCTAssertTrue(pages[0].body.contains("Wind (mph)"))
            assertPageHeaders(pages[1])
            XCTAssertTrue(pages[1].body.contains("<h1>London, GB</h1>"))
            XCTAssertTrue(pages[1].body.contains("value=\"London,GB\""))
        }
    }

    /// US readers get inches of mercury and inches of precipitation; everyone else hPa and mm.
    func testImperialPagesShowInchesMetricPagesMillimetres() async throws {
        try await withStubHarness { harness, _ in
            let pages = try await harness.fetch([
                "/place?city=Seattle&units=imperial", "/place?city=Seattle&units=metric", "/?city=Seattle&units=imperial",
            ])
            let (imperial, metric, overview) = (pages[0].body, pages[1].body, pages[2].body)
            let pressure = try await harness.dependencies.client.current(for: .city(name: "Seattle")).value.main.pressure
            XCTAssertTrue(imperial.contains(pressure.formatted(in: .inchesOfMercury, fractionDigits: 2)), "inHg")
            XCTAssertTrue(overview.contains(pressure.formatted(in: .inchesOfMercury, fractionDigits: 2)), "inHg")
            XCTAssertFalse(imperial.contains("hPa"))
            XCTAssertTrue(imperial.contains("Precipitation (in)"))
            XCTAssertFalse(imperial.contains(" mm"), "no millimetres on an imperial page")
            let forecast = try await harness.dependencies.client.forecast(for: .city(name: "Seattle")).value
            let svg = try SVGDocument(parsing: try XCTUnwrap(imperial.svg(withClass: "forecast-chart")))
            XCTAssertEqual(
                svg.elements(withClass: "precip-bar").map { $0.attributes["data-value"] },
                forecast.entries.map { ForecastDigest.precipitation(of: $0, in: .inches) }.filter { $0 > 0 }
                    .map { NumberText.format($0, digits: 2) })
            XCTAssertTrue(metric.contains(pressure.formatted(in: .hectopascals, fractionDigits: 0)))
            XCTAssertTrue(metric.contains("Precipitation (mm)"))
            XCTAssertFalse(metric.contains("inHg"))
        }
    }

    func testPlaceNamesAreEscapedEverywhere() async throws {
        try await withStubHarness { harness, _ in
            let name = "<script>alert(\"x\")</script>"
            let encoded = "%3Cscript%3Ealert(%22x%22)%3C%2Fscript%3E"
            let pages = try await harness.fetch([
                "/place?city=\(encoded)", "/?city=\(encoded)", "/place?q=nowhere\(encoded)",
            ])
            for page in pages {
                XCTAssertFalse(page.body.contains("<script>"), page.body)
                XCTAssertFalse(page.body.contains("alert(\"x\")"))
                XCTAssertTrue(page.body.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
            }
            assertPageHeaders(pages[0])
            assertPageHeaders(pages[1])
            assertPageHeaders(pages[2], status: .notFound)
            // The chart's title carries the name, escaped, and the chart is still well-formed.
            let svg = try SVGDocument(parsing: try XCTUnwrap(pages[0].body.svg(withClass: "forecast-chart")))
            let title = try XCTUnwrap(svg.elements.first { $0.name == "title" }?.text)
            XCTAssertTrue(title.hasPrefix("5-day forecast for \(name)"), title)
        }
    }

    func testUnknownPlaceIsAFriendlyPageWithTrackedPlaces() async throws {
        try await withStubHarness(trackedPlaces: tracked) { harness, _ in
            let page = try await harness.fetch("/place?city=Nowhereville")
            assertPageHeaders(page, status: .notFound)
            XCTAssertTrue(page.body.contains("We could not find “Nowhereville”"))
            XCTAssertTrue(page.body.contains("href=\"/place?city=London&amp;country=GB\""))
            XCTAssertFalse(page.body.contains("problem+json"))
        }
    }

    /// Input the document's schema refuses is a 400 page; a place page asked for no place, a 422.
    func testBadInputIsA400Page() async throws {
        try await withStubHarness { harness, _ in
            let pages = try await harness.fetch(["/place?lat=100&lon=0", "/place", "/?units=kelvins"])
            assertPageHeaders(pages[0], status: .badRequest)
            assertPageHeaders(pages[1], status: .unprocessableContent)
            assertPageHeaders(pages[2], status: .badRequest)
            XCTAssertTrue(pages[0].body.contains("lat must be a number in -90…90."))
            XCTAssertTrue(pages[1].body.contains("Say which place"))
            XCTAssertTrue(pages[2].body.contains("units must be standard, metric or imperial."))
        }
    }

    func testUpstreamTroubleIsAPage() async throws {
        try await withStubHarness { harness, stub in
            stub.inject(.status(503))
            let page = try await harness.fetch("/place?city=Oslo")
            XCTAssertGreaterThanOrEqual(page.status.code, 500)
            XCTAssertEqual(page.headers[.contentType], "text/html; charset=utf-8")
            XCTAssertTrue(page.body.contains("<h1>"))
            stub.clearFaults()
        }
    }

    func testAssetsCarryTheirTypesAndHeaders() async throws {
        try await withStubHarness { harness, _ in
            let pages = try await harness.fetch(["/assets/site.css", "/assets/refresh.js", "/favicon.svg"])
            XCTAssertEqual(pages.map(\.status), [.ok, .ok, .ok])
            XCTAssertEqual(pages[0].headers[.contentType], "text/css; charset=utf-8")
            XCTAssertEqual(pages[1].headers[.contentType], "text/javascript; charset=utf-8")
            XCTAssertEqual(pages[2].headers[.contentType], "image/svg+xml")
            for page in pages {
                XCTAssertEqual(page.headers[.contentSecurityPolicy], PageResponse.contentSecurityPolicy)
                XCTAssertEqual(page.headers[.xContentTypeOptions], "nosniff")
            }
            XCTAssertTrue(pages[0].body.contains("prefers-color-scheme: dark"))
            _ = try SVGDocument(parsing: pages[2].body)
        }
    }

    func testLanguageReachesUpstream() async throws {
        try await OpenWeatherStub.withRunning { stub in
            let transport = RecordingTransport(base: CurlTransport(configuration: .init(timeout: .seconds(5))))
            addTeardownBlock { await transport.shutdown() }  // also when an assertion below throws
            let harness = PageHarness(transport: transport, baseURL: stub.baseURL)
            let page = try await harness.fetch("/place?city=Oslo&lang=de")
            assertPageHeaders(page)
            XCTAssertTrue(page.body.contains("<td class=\"day-condition\" lang=\"de\">"))
            let urls = transport.urls
            XCTAssertTrue(urls.contains { $0.contains("/data/2.5/forecast?") && $0.contains("lang=de") }, "\(urls)")
            XCTAssertTrue(urls.contains { $0.contains("/data/2.5/weather?") && $0.contains("lang=de") }, "\(urls)")
        }
    }

    func testUnknownPlaceSuggestsWhatGeocodingKnows() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(
            RequestMatcher("geocode Zurch,CH") { $0.head.absoluteURL.contains("/geo/1.0/direct?q=Zurch,CH&") },
            .json("[]"))
        transport.enqueue(
            RequestMatcher("geocode Zurch") { $0.head.absoluteURL.contains("/geo/1.0/direct?q=Zurch&") },
            .json(#"[{"name":"Zürich","lat":47.3667,"lon":8.55,"country":"CH","state":"Zurich"}]"#))
        let harness = PageHarness(transport: transport, mode: .live)
        let page = try await harness.fetch("/place?city=Zurch&country=CH")
        assertPageHeaders(page, status: .notFound)
        XCTAssertFalse(page.body.contains("Demo mode"))
        XCTAssertTrue(page.body.contains("We could not find “Zurch,CH”"), page.body)
        XCTAssertTrue(
            page.body.contains("<a href=\"/place?lat=47.3667&amp;lon=8.55\">Zürich, Zurich, CH</a>"), page.body)
        try transport.verifyAllConsumed()
    }
}
