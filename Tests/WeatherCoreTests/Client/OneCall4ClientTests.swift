import Foundation
import WeatherCore
import WeatherTesting
import XCTest

/// The One Call 4.0 client methods, the range walk, cache lifetimes and quota, against scripted pages.
final class OneCall4ClientTests: XCTestCase {
    /// 2026-04-29T08:38:20Z, the specification's example time.
    static let now = Date(timeIntervalSince1970: 1_777_451_900)
    static let key = "SECRETKEY"
    private let london = try! Coordinates(latitude: 51.5085, longitude: -0.1257)

    private struct Setup {
        let clock = ManualClock(start: OneCall4ClientTests.now)
        let transport: ScriptedTransport
        let store: RecordingCacheStore
        let client: WeatherClient

        init(quota: QuotaPolicy = .unlimited) {
            transport = ScriptedTransport(clock: clock)
            store = RecordingCacheStore(MemoryCacheStore(clock: clock))
            client = WeatherClient(
                transport: transport, cache: store,
                configuration: .init(apiKey: APIKey(OneCall4ClientTests.key), retry: RetryPolicy(maxAttempts: 1), quota: quota),
                clock: clock, random: .constant(0.5))
        }

        /// Every byte the store was given to keep, serialized as a shared store would hold it.
        var storedBytes: [UInt8] {
            store.operations.flatMap { operation -> [UInt8] in
                if case .set(let key, let entry, _) = operation { return Array(key.rawValue.utf8) + entry.serialized() }
                return []
            }
        }
    }

    /// An hourly page as OpenWeather builds it: up to 20 records from `start`, none after
    /// `horizon`, and links carrying the caller's key (and, to be ignored, other units).
    static func hourlyPage(start: Int, horizon: Int, step: Int = 3600, size: Int = 20, pathStep: String = "1h") -> String {
        let times = Array(stride(from: start, through: horizon, by: step).prefix(size))
        let records = times.map { dt in
            let alerts = dt == start ? #","alerts":["A:1"]"# : ""
            return #"{"dt":\#(dt),"temp":280.5,"feels_like":279,"pressure":1012,"humidity":70,"wind_speed":3.1,"#
                + #""wind_deg":200,"weather":[{"id":800,"main":"Clear","description":"clear sky","icon":"01d"}]"#
                + alerts + "}"
        }
        var page = #"{"lat":51.5085,"lon":-0.1257,"timezone":"Europe/London","timezone_offset":3600,"data":[\#(records.joined(separator: ","))]"#
        let link = { (s: Int) in
            "https://api.openweathermap.org/data/4.0/onecall/timeline/\(pathStep)?lat=51.5085&lon=-0.1257&start=\(s)&units=metric&lang=xx&appid=\(key)"
        }
        page += #","prev":"\#(link(start - size * step))""#
        if let last = times.last, last + step <= horizon { page += #","next":"\#(link(last + step))""# }
        return page + "}"
    }

    func testEachEndpointFetchesThroughTheCacheInStandardUnits() async throws {
        let s = Setup()
        let fixtures = try FixtureDirectory(bundle: .module)
        s.transport.enqueue(.path("/data/4.0/onecall/current"), .json(try fixtures.string("onecall4-current/spec-example.json")))
        s.transport.enqueue(.path("/data/4.0/onecall/timeline/1min"), .json(try fixtures.string("onecall4-1min/0000.json")))
        s.transport.enqueue(
            .path("/data/4.0/onecall/alert/2.49.0.0.380.3.IT.260903120000.W%3AHeat%3A0001"),
            .json(try fixtures.string("onecall4-alert/spec-example-b.json")))
        for _ in 0..<2 {
            let current = try await s.client.oneCall4Current(for: london, language: "en")
            XCTAssertEqual(current.value.current?.temperature.kelvin, 13.84)
            let minutes = try await s.client.timelinePage(for: london, step: .minute, as: MinutelyPrecipitation.self)
            XCTAssertEqual(minutes.value.records.count, 60)
            let alert = try await s.client.alert(id: "2.49.0.0.380.3.IT.260903120000.W:Heat:0001")
            XCTAssertEqual(alert.value.tags, ["Extreme high temperature"])
        }
        XCTAssertEqual(s.transport.requestCount, 3, "the second round came from the cache")
        XCTAssertNoThrow(try s.transport.verifyAllConsumed())
        let urls = s.transport.requests.map(\.head.absoluteURL)
        XCTAssertTrue(urls[0].contains("units=standard&lang=en&appid=SECRETKEY"), urls[0])
        XCTAssertTrue(urls[1].contains("units=standard"))
        XCTAssertTrue(urls[2].hasSuffix("/alert/2.49.0.0.380.3.IT.260903120000.W%3AHeat%3A0001?appid=SECRETKEY"))
    }

    func testARecordTypeThatDoesNotMatchTheStepIsRejectedBeforeAnyCall() async {
        let s = Setup()
        let error = await weatherError {
            _ = try await s.client.timelinePage(for: self.london, step: .day, as: HourlyForecast.self)
        }
        XCTAssertEqual(error?.code, .invalidRequest)
        XCTAssertTrue(error?.message.contains("DailyForecast") ?? false)
        XCTAssertEqual(s.transport.requestCount, 0)
    }

    func testWalkRebuildsEachPageFromNextStartWithOwnKeyUnitsAndLanguage() async throws {
        let s = Setup()
        let t0 = 1_777_449_600
        let horizon = t0 + 48 * 3600
        for start in [t0, t0 + 72_000, t0 + 144_000] {
            s.transport.enqueue(.urlContains("start=\(start)&"), .json(Self.hourlyPage(start: start, horizon: horizon)))
        }
        let walk = try await s.client.timeline(
            for: london, step: .hour, from: Self.now, to: Self.now.addingTimeInterval(48 * 3600), language: "de",
            as: HourlyForecast.self)
        XCTAssertEqual(walk.pages.count, 3)
        XCTAssertEqual(walk.records.count, 49, "08:00 through 08:00 two days later: the hour holding `from` is kept")
        XCTAssertEqual(walk.records.first?.time, Date(timeIntervalSince1970: TimeInterval(t0)))
        XCTAssertEqual(walk.records.map(\.time), walk.records.map(\.time).sorted())
        XCTAssertEqual(walk.alertIDs, ["A:1"])
        XCTAssertNoThrow(try s.transport.verifyAllConsumed())
        for request in s.transport.requests {
            let url = request.head.absoluteURL
            XCTAssertTrue(url.contains("/data/4.0/onecall/timeline/1h?lat=51.5085&lon=-0.1257&start="), url)
            XCTAssertTrue(url.hasSuffix("&units=standard&lang=de&appid=SECRETKEY"), url)
            XCTAssertFalse(url.contains("metric") || url.contains("lang=xx"), "never the link's own parameters")
        }
        XCTAssertEqual(Set(walk.pages.map(\.key)).count, 3, "each page is cached on its own")

        // Walked again: every page is a hit, nothing is spent.
        let again = try await s.client.timeline(
            for: london, step: .hour, from: Self.now, to: Self.now.addingTimeInterval(48 * 3600), language: "de",
            as: HourlyForecast.self)
        XCTAssertEqual(again.pages.map(\.cacheStatus), [.hit, .hit, .hit])
        XCTAssertEqual(again.records, walk.records)
        XCTAssertEqual(s.transport.requestCount, 3)
    }

    func testWalkStopsOnAMissingNextAShortPageOrTheEndOfTheRange() async throws {
        let t0 = 1_777_449_600
        // A page without `next` ends the walk although the range goes on.
        do {
            let s = Setup()
            s.transport.enqueue(.any, .json(Self.hourlyPage(start: t0, horizon: t0 + 19 * 3600)))
            let walk = try await s.client.timeline(
                for: london, step: .hour, from: Self.now, to: Self.now.addingTimeInterval(40 * 3600), as: HourlyForecast.self)
            XCTAssertEqual(walk.pages.count, 1)
            XCTAssertEqual(walk.records.count, 20)
        }
        // A short page ends it even with a `next`.
        do {
            let s = Setup()
            s.transport.enqueue(.any, .json(Self.hourlyPage(start: t0, horizon: t0 + 40 * 3600, size: 10)))
            let walk = try await s.client.timeline(
                for: london, step: .hour, from: Self.now, to: Self.now.addingTimeInterval(40 * 3600), as: HourlyForecast.self)
            XCTAssertEqual(walk.pages.count, 1)
            XCTAssertEqual(walk.records.count, 10)
        }
        // The end of the range ends it, and records past it are trimmed.
        do {
            let s = Setup()
            s.transport.enqueue(.any, .json(Self.hourlyPage(start: t0, horizon: t0 + 48 * 3600)))
            let walk = try await s.client.timeline(
                for: london, step: .hour, from: Self.now, to: Self.now.addingTimeInterval(5 * 3600), as: HourlyForecast.self)
            XCTAssertEqual(walk.pages.count, 1)
            XCTAssertEqual(walk.records.count, 6, "08:00 … 13:00, before 13:38")
        }
        // A `next` to another timeline is foreign: dropped from the page, and the walk ends.
        do {
            let s = Setup()
            s.transport.enqueue(.any, .json(Self.hourlyPage(start: t0, horizon: t0 + 48 * 3600, pathStep: "15min")))
            let page = try await s.client.timelinePage(for: london, step: .hour, start: Self.now, as: HourlyForecast.self)
            XCTAssertNil(page.value.next)
            XCTAssertNil(page.value.previous)
        }
    }

    func testPagesNeededAreCheckedAgainstTheBoundBeforeSpending() async throws {
        let s = Setup()
        let error = await weatherError {
            _ = try await s.client.timeline(
                for: self.london, step: .quarterHour, from: Self.now, to: Self.now.addingTimeInterval(48 * 3600),
                maxPages: 3, as: HourlyForecast.self)
        }
        XCTAssertEqual(error?.code, .invalidRequest)
        XCTAssertTrue(error?.message.contains("needs 4 pages") ?? false, "\(String(describing: error))")
        XCTAssertTrue(error?.message.contains("limit of 3 pages") ?? false)
        let outside = await weatherError {
            _ = try await s.client.timeline(
                for: self.london, step: .quarterHour, from: Self.now.addingTimeInterval(-7200), to: Self.now,
                as: HourlyForecast.self)
        }
        XCTAssertEqual(outside?.code, .invalidRequest)
        let zero = await weatherError {
            _ = try await s.client.timeline(
                for: self.london, step: .hour, from: Self.now, to: Self.now.addingTimeInterval(3600), maxPages: 0,
                as: HourlyForecast.self)
        }
        XCTAssertEqual(zero?.code, .invalidRequest)
        XCTAssertEqual(s.transport.requestCount, 0, "nothing was spent")
    }

    func testEveryPageSpendsOneCallOfOneCallsDailyBudget() async throws {
        let s = Setup(quota: QuotaPolicy(callsPerMinute: 60, dailyBudget: [.oneCall: 2]))
        let t0 = 1_777_449_600
        for start in [t0, t0 + 72_000, t0 + 144_000] {
            s.transport.enqueue(.urlContains("start=\(start)&"), .json(Self.hourlyPage(start: start, horizon: t0 + 48 * 3600)))
        }
        let error = await weatherError {
            _ = try await s.client.timeline(
                for: self.london, step: .hour, from: Self.now, to: Self.now.addingTimeInterval(48 * 3600),
                as: HourlyForecast.self)
        }
        XCTAssertEqual(error?.code, .quotaExhausted)
        XCTAssertEqual(s.transport.requestCount, 2, "the third page found the One Call budget spent")
        let alert = await weatherError { _ = try await s.client.alert(id: "x") }
        XCTAssertEqual(alert?.code, .quotaExhausted, "alert details spend the same budget")
    }

    func testCacheLifetimes() async throws {
        func freshFor(_ setup: Setup, _ key: CacheKey) throws -> TimeInterval {
            let entry = try XCTUnwrap(
                setup.store.operations.compactMap { op -> CacheEntry? in
                    if case .set(key, let entry, _) = op { return entry }
                    return nil
                }.last)
            return entry.freshUntil.timeIntervalSince(entry.fetchedAt)
        }
        let s = Setup()
        // A page of 1990: never revised, fresh for 7 days.
        let old = 631_152_000
        s.transport.enqueue(.urlContains("start=\(old)&"), .json(Self.hourlyPage(start: old, horizon: old + 86400)))
        let past = try await s.client.timelinePage(
            for: london, step: .hour, start: Date(timeIntervalSince1970: TimeInterval(old)), as: HourlyForecast.self)
        XCTAssertEqual(try freshFor(s, past.key), 7 * 86400)
        // A page reaching the present or the future, and current: the One Call rule, 10 minutes.
        let t0 = 1_777_449_600
        s.transport.enqueue(.urlContains("start=\(t0)&"), .json(Self.hourlyPage(start: t0, horizon: t0 + 48 * 3600)))
        let future = try await s.client.timelinePage(for: london, step: .hour, start: Self.now, as: HourlyForecast.self)
        XCTAssertEqual(try freshFor(s, future.key), 600)
        let yesterday = t0 - 86400 - 3600  // 20 hours to 02:00 today: the last ends at 03:00, before now
        s.transport.enqueue(.urlContains("start=\(yesterday)&"), .json(Self.hourlyPage(start: yesterday, horizon: t0)))
        let recent = try await s.client.timelinePage(
            for: london, step: .hour, start: Date(timeIntervalSince1970: TimeInterval(yesterday)), as: HourlyForecast.self)
        XCTAssertEqual(try freshFor(s, recent.key), 7 * 86400)
        let fixtures = try FixtureDirectory(bundle: .module)
        s.transport.enqueue(.path("/data/4.0/onecall/current"), .json(try fixtures.string("onecall4-current/spec-example.json")))
        let current = try await s.client.oneCall4Current(for: london)
        XCTAssertEqual(try freshFor(s, current.key), 600)

        // Alert details: until their end, at least the rule, at most a day.
        let now = Int(Self.now.timeIntervalSince1970)
        for (id, end, expected) in [("soon", now + 120, 600.0), ("hour", now + 3600, 3600), ("week", now + 7 * 86400, 86400), ("over", now - 60, 600)] {
            s.transport.enqueue(
                .path("/data/4.0/onecall/alert/\(id)"),
                .json(#"{"id":"\#(id)","sender_name":"S","event":"E","start":\#(now - 3600),"end":\#(end),"description":"D"}"#))
            let alert = try await s.client.alert(id: id)
            XCTAssertEqual(try freshFor(s, alert.key), expected, id)
        }
        // The long lifetime is served: a week later the 1990 page is still a hit.
        s.clock.advance(by: .seconds(6 * 86400))
        let later = try await s.client.timelinePage(
            for: london, step: .hour, start: Date(timeIntervalSince1970: TimeInterval(old)), as: HourlyForecast.self)
        XCTAssertEqual(later.cacheStatus, .hit)
    }

    func testTheAPIKeyInLinksNeverReachesAValueAnErrorOrTheCache() async throws {
        let s = Setup()
        let t0 = 1_777_449_600
        s.transport.enqueue(.any, .json(Self.hourlyPage(start: t0, horizon: t0 + 48 * 3600)))
        let page = try await s.client.timelinePage(for: london, step: .hour, start: Self.now, as: HourlyForecast.self)
        XCTAssertEqual(page.value.nextStart, Date(timeIntervalSince1970: TimeInterval(t0 + 72_000)))
        let encoded = String(decoding: try JSONEncoder().encode(page.value), as: UTF8.self)
        XCTAssertFalse(encoded.contains(Self.key))
        XCTAssertFalse(String(describing: page.value).contains(Self.key))
        XCTAssertFalse(String(reflecting: page).contains(Self.key))

        let stored = s.storedBytes
        XCTAssertFalse(stored.isEmpty)
        XCTAssertNil(Self.find(Array(Self.key.utf8), in: stored), "the key is not in any stored byte")
        XCTAssertNil(Self.find(Array("appid".utf8), in: stored))
        XCTAssertNotNil(Self.find(Array("/data/4.0/onecall/timeline/1h?start=\(t0 + 72_000)".utf8), in: stored))

        // The cached body still carries the links' parts: a hit gives the same page.
        let hit = try await s.client.timelinePage(for: london, step: .hour, start: Self.now, as: HourlyForecast.self)
        XCTAssertEqual(hit.cacheStatus, .hit)
        XCTAssertEqual(hit.value, page.value)

        // A body that fails to decode around the key: the error does not quote it.
        s.transport.enqueue(.any, .json(#"{"lat":1,"lon":2,"data":"\#(Self.key)","next":"https://x/?appid=\#(Self.key)"}"#))
        let error = await weatherError {
            _ = try await s.client.timelinePage(
                for: self.london, step: .hour, start: Self.now.addingTimeInterval(3600), as: HourlyForecast.self)
        }
        XCTAssertEqual(error?.code, .decodingFailed)
        XCTAssertEqual(error?.jsonPath, "data")
        XCTAssertFalse(String(describing: error).contains(Self.key), "\(String(describing: error))")
        XCTAssertNil(Self.find(Array(Self.key.utf8), in: s.storedBytes))
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}
