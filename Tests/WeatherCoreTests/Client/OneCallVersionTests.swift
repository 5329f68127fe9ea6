import Foundation
import HTTPTypes
import Synchronization
import WeatherCore
import WeatherTesting
import XCTest

/// ``OneCallVersion/automatic``: which One Call API a key has, found by doing the work, remembered
/// per key in the store (shared by replicas), checked again daily; and the assembled 4.0 One Call.
final class OneCallVersionTests: XCTestCase {
    static let refused3 =
        "Please note that using One Call 3.0 requires a separate subscription to the One Call by Call plan. Learn more here https://openweathermap.org/price. If you have a valid subscription to the One Call by Call plan, but still receive this error, then please see https://openweathermap.org/faq#error401 for more info."
    static let refused4 = refused3.replacingOccurrences(of: "One Call 3.0", with: "One Call 4.0")
    private let london = try! Coordinates(latitude: 51.5085, longitude: -0.1257)
    /// Only the current block: one call on either API.
    private let currentOnly: OneCallSections = [.minutely, .hourly, .daily, .alerts]

    /// A client on `store` (a fresh memory store when `nil`) whose upstream has `plan`.
    private struct Setup {
        let clock: ManualClock
        let transport: ScriptedTransport
        let store: any CacheStore
        let observer = RecordingObserver()
        let client: WeatherClient

        init(
            plan: Set<OneCallAPI>, version: OneCallVersion = .automatic, store: (any CacheStore)? = nil,
            clock: ManualClock = ManualClock(start: OneCall4ClientTests.now)
        ) throws {
            self.clock = clock
            transport = ScriptedTransport(clock: clock)
            self.store = store ?? MemoryCacheStore(clock: clock)
            client = WeatherClient(
                transport: transport, cache: self.store,
                configuration: .init(
                    apiKey: APIKey(OneCall4ClientTests.key), retry: RetryPolicy(maxAttempts: 1), quota: .unlimited,
                    oneCallVersion: version),
                clock: clock, random: .constant(0.5), observer: observer)
            try script(plan)
        }

        /// The plan upstream answers for; ``script(_:)`` rules read it at each request.
        let plan = PlanBox()

        /// Answers One Call requests as OpenWeather does for a key with `initial` (changeable with ``plan``).
        func script(_ initial: Set<OneCallAPI>) throws {
            plan.value.withLock { $0 = initial }
            let fixtures = try FixtureDirectory(bundle: .module)
            let plan = self.plan
            func when(_ api: OneCallAPI, _ path: String, has: Bool) -> RequestMatcher {
                RequestMatcher("\(path) with \(api) \(has ? "on" : "off")") { request in
                    RequestMatcher.path(path).matches(request) && plan.value.withLock { $0.contains(api) } == has
                }
            }
            transport.always(when(.v3, "/data/3.0/onecall", has: true), .json(try fixtures.string("onecall/0000.json")))
            transport.always(
                when(.v3, "/data/3.0/onecall", has: false), .openWeatherError(401, message: OneCallVersionTests.refused3))
            for path in ["current", "timeline/1min", "timeline/15min", "timeline/1h", "timeline/1day"] {
                transport.always(
                    when(.v4, "/data/4.0/onecall/\(path)", has: false),
                    .openWeatherError(401, message: OneCallVersionTests.refused4))
            }
            transport.always(
                when(.v4, "/data/4.0/onecall/current", has: true),
                .json(try fixtures.string("onecall4-current/spec-example.json")))
        }

        func paths() -> [String] { transport.requests.map { $0.head.path ?? "" }.map { String($0.split(separator: "?")[0]) } }
    }

    func testA4KeyIsAnsweredBy40WithoutTrying30() async throws {
        let s = try Setup(plan: [.v4])
        let result = try await s.client.oneCall(for: london, exclude: currentOnly)
        XCTAssertEqual(result.value.source, OneCallSource(api: .v4, upstreamCalls: 1))
        XCTAssertEqual(result.value.current?.temperature.kelvin, 13.84)
        XCTAssertEqual(s.paths(), ["/data/4.0/onecall/current"])
        XCTAssertEqual(s.client.oneCallAPI, .v4)
        let again = try await s.client.oneCall(for: london, exclude: currentOnly)
        XCTAssertEqual(again.value.source, OneCallSource(api: .v4, upstreamCalls: 0), "a repeat costs nothing")
        XCTAssertEqual(again.cacheStatus, .hit)
        XCTAssertEqual(s.transport.requestCount, 1)
        let versionEvents = s.observer.events.filter { $0.kind == .oneCallVersion }
        XCTAssertEqual(versionEvents, [.oneCallVersion(.v4, previous: nil)])
    }

    func testA3KeyIsAnsweredBy30AfterOneRefused40CallAndTheVerdictIsRemembered() async throws {
        let s = try Setup(plan: [.v3])
        let result = try await s.client.oneCall(for: london, exclude: currentOnly)
        XCTAssertEqual(result.value.source?.api, .v3)
        XCTAssertEqual(s.paths(), ["/data/4.0/onecall/current", "/data/3.0/onecall"])
        XCTAssertEqual(s.client.oneCallAPI, .v3)
        _ = try await s.client.oneCall(for: london)
        XCTAssertEqual(s.paths().last, "/data/3.0/onecall", "the verdict is used: no 4.0 call again")
        XCTAssertEqual(s.paths().filter { $0.hasPrefix("/data/4.0/") }.count, 1)
    }

    func testReplicasSharingAStoreDetectOnce() async throws {
        let clock = ManualClock(start: OneCall4ClientTests.now)
        let shared = RecordingCacheStore(MemoryCacheStore(clock: clock))
        let first = try Setup(plan: [.v3], store: shared, clock: clock)
        _ = try await first.client.oneCall(for: london, exclude: currentOnly)
        let second = try Setup(plan: [.v3], store: shared, clock: clock)
        let other = try Coordinates(latitude: 59.91, longitude: 10.75)
        let result = try await second.client.oneCall(for: other, exclude: currentOnly)
        XCTAssertEqual(result.value.source?.api, .v3)
        XCTAssertEqual(second.paths(), ["/data/3.0/onecall"], "the second replica read the verdict: no probe")
        // The verdict is stored under the key's fingerprint, never the key.
        let stored = shared.operations.compactMap { operation -> String? in
            guard case .set(let key, let entry, _) = operation else { return nil }
            return key.rawValue + String(decoding: entry.serialized(), as: UTF8.self)
        }.joined(separator: "\n")
        XCTAssertTrue(stored.contains("onecall-version:" + APIKey(OneCall4ClientTests.key).fingerprint))
        XCTAssertFalse(stored.contains(OneCall4ClientTests.key))
    }

    func testAKeyWithNeitherVersionGetsOneErrorNamingBoth() async throws {
        let s = try Setup(plan: [])
        do {
            _ = try await s.client.oneCall(for: london, exclude: currentOnly)
            XCTFail("expected an error")
        } catch let error as WeatherError {
            XCTAssertEqual(error.code, .subscriptionRequired)
            XCTAssertTrue(error.message.contains("no One Call subscription"), error.message)
            XCTAssertTrue(error.message.contains("3.0 and 4.0"), error.message)
            XCTAssertFalse(error.description.contains(OneCall4ClientTests.key))
        }
        XCTAssertNil(s.client.oneCallAPI)
    }

    func testAnInvalidKeyOrA429DecidesNothing() async throws {
        for reply in [
            ScriptedTransport.Reply.openWeatherError(401, message: "Invalid API key. Please see https://openweathermap.org/faq#error401 for more info."),
            .openWeatherError(429, message: "Your account is temporary blocked"),
        ] {
            let clock = ManualClock(start: OneCall4ClientTests.now)
            let transport = ScriptedTransport(clock: clock)
            transport.always(.urlContains("/onecall"), reply)
            let client = WeatherClient(
                transport: transport, cache: MemoryCacheStore(clock: clock),
                configuration: .init(apiKey: APIKey("K"), retry: RetryPolicy(maxAttempts: 1), quota: .unlimited),
                clock: clock, random: .constant(0.5))
            do {
                _ = try await client.oneCall(for: london, exclude: currentOnly)
                XCTFail("expected an error")
            } catch let error as WeatherError {
                XCTAssertNotEqual(error.code, .subscriptionRequired)
            }
            XCTAssertNil(client.oneCallAPI)
            XCTAssertEqual(transport.requestCount, 1, "no switch to the other version on \(reply)")
        }
    }

    func testTheVerdictIsCheckedDailyAndAPlanChangeIsFollowed() async throws {
        let s = try Setup(plan: [.v3])
        _ = try await s.client.oneCall(for: london, exclude: currentOnly)
        XCTAssertEqual(s.client.oneCallAPI, .v3)
        // The account moves to 4.0: while the verdict holds, the 3.0 refusal leads to a new detection.
        s.plan.value.withLock { $0 = [.v4] }
        s.clock.advance(by: .seconds(3600))
        let moved = try await s.client.oneCall(for: try Coordinates(latitude: 48.85, longitude: 2.35), exclude: currentOnly)
        XCTAssertEqual(moved.value.source?.api, .v4)
        XCTAssertEqual(s.client.oneCallAPI, .v4)
        XCTAssertEqual(
            s.observer.events.filter { $0.kind == .oneCallVersion }.last, .oneCallVersion(.v4, previous: .v3))
        // A day later the next need checks the remembered version first, and keeps it.
        s.clock.advance(by: .seconds(86_400 + 60))
        let before = s.transport.requestCount
        _ = try await s.client.oneCall(for: try Coordinates(latitude: 40.71, longitude: -74.01), exclude: currentOnly)
        XCTAssertEqual(Array(s.paths().dropFirst(before)), ["/data/4.0/onecall/current"])
    }

    func testAFixedVersionNeverTriesTheOther() async throws {
        let s = try Setup(plan: [.v4], version: .v3)
        do {
            _ = try await s.client.oneCall(for: london, exclude: currentOnly)
            XCTFail("expected an error")
        } catch let error as WeatherError {
            XCTAssertEqual(error.code, .subscriptionRequired)
            XCTAssertTrue(error.message.contains("One Call 3.0 needs its own subscription"), error.message)
        }
        XCTAssertEqual(s.paths(), ["/data/3.0/onecall"])
    }

    func testThe40AssemblyCostsOneCallPerPartAndARepeatNone() async throws {
        let s = try Setup(plan: [.v4])
        let fixtures = try FixtureDirectory(bundle: .module)
        let hourStart = 1_777_449_600
        for page in 0..<3 {
            s.transport.enqueue(
                .path("/data/4.0/onecall/timeline/1h"),
                .json(OneCall4ClientTests.hourlyPage(start: hourStart + page * 20 * 3600, horizon: hourStart + 47 * 3600)))
        }
        s.transport.enqueue(.path("/data/4.0/onecall/timeline/1min"), .json(try fixtures.string("onecall4-1min/0000.json")))
        s.transport.enqueue(.path("/data/4.0/onecall/timeline/1day"), .json(try fixtures.string("onecall4-1day/spec-example.json")))
        s.transport.always(
            .urlContains("/data/4.0/onecall/alert/"), .json(try fixtures.string("onecall4-alert/spec-example-a.json")))
        let result = try await s.client.oneCall(for: london)
        let oneCall = result.value
        XCTAssertEqual(oneCall.hourly.count, 48)
        XCTAssertEqual(oneCall.minutely.count, 60)
        XCTAssertFalse(oneCall.daily.isEmpty)
        XCTAssertNotNil(oneCall.current)
        XCTAssertEqual(oneCall.timeZoneIdentifier, "Europe/London")
        let alertCalls = s.paths().filter { $0.contains("/alert/") }.count
        XCTAssertGreaterThanOrEqual(alertCalls, 1)
        XCTAssertEqual(oneCall.alerts?.first?.event, "Heat Advisory")
        XCTAssertEqual(oneCall.source, OneCallSource(api: .v4, upstreamCalls: 6 + alertCalls))
        XCTAssertEqual(result.cacheStatus, .miss)
        let calls = s.transport.requestCount
        let again = try await s.client.oneCall(for: london)
        XCTAssertEqual(s.transport.requestCount, calls, "a repeat within the parts' freshness costs nothing")
        XCTAssertEqual(again.value.source, OneCallSource(api: .v4, upstreamCalls: 0))
        XCTAssertEqual(again.cacheStatus, .hit)
        XCTAssertEqual(again.value.hourly, oneCall.hourly)
    }

    func testTimelinesOn30ComeFromOneCallWhereItHasTheData() async throws {
        let fixtures = try FixtureDirectory(bundle: .module)
        let document = try fixtures.string("onecall/0000.json")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        let hourly = try XCTUnwrap(object["hourly"] as? [[String: Any]])
        let first = Date(timeIntervalSince1970: try XCTUnwrap(hourly.first?["dt"] as? Double))
        let s = try Setup(plan: [.v3], clock: ManualClock(start: first.addingTimeInterval(60)))
        let hours = try await s.client.oneCallTimeline(
            for: london, step: .hour, from: first, to: first.addingTimeInterval(6 * 3600), as: HourlyForecast.self)
        XCTAssertEqual(hours.records.count, 6)
        XCTAssertEqual(hours.source?.api, .v3)
        do {
            _ = try await s.client.oneCallTimeline(
                for: london, step: .quarterHour, from: first, to: first.addingTimeInterval(3600),
                as: HourlyForecast.self)
            XCTFail("15-minute steps need 4.0")
        } catch let error as WeatherError {
            XCTAssertEqual(error.code, .invalidRequest)
            XCTAssertTrue(error.message.contains("One Call 4.0"), error.message)
        }
        do {
            _ = try await s.client.oneCallTimeline(
                for: london, step: .hour, from: first.addingTimeInterval(-30 * 86400), to: first, as: HourlyForecast.self)
            XCTFail("history needs 4.0")
        } catch let error as WeatherError {
            XCTAssertEqual(error.code, .invalidRequest)
            XCTAssertTrue(error.message.contains("One Call 4.0"), error.message)
        }
    }
}

/// What upstream's account is subscribed to, changeable while a test runs.
private final class PlanBox: Sendable {
    let value = Mutex<Set<OneCallAPI>>([])
}
