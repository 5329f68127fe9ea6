import Foundation
import WeatherCore
import WeatherTesting

/// A tiny model for client tests: `{"dt": <unix seconds>, "temp": <number>}`.
struct Reading: OpenWeatherDecodable, Equatable {
    var temp: Double
    var observedAt: Date?

    init(jsonBytes bytes: [UInt8]) throws(WeatherError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let temp = object["temp"] as? Double
        else { throw WeatherError(code: .decodingFailed, message: "not a reading", jsonPath: "temp") }
        self.temp = temp
        self.observedAt = (object["dt"] as? Double).map { Date(timeIntervalSince1970: $0) }
    }

    static func json(temp: Double, dt: Int = 1_767_225_600) -> String { #"{"dt":\#(dt),"temp":\#(temp)}"# }
}

/// A geocoding-like model: a JSON array of names.
struct Places: OpenWeatherDecodable, Equatable {
    var names: [String]

    init(jsonBytes bytes: [UInt8]) throws(WeatherError) {
        guard let array = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]] else {
            throw WeatherError(code: .decodingFailed, message: "not an array", jsonPath: "")
        }
        names = array.compactMap { $0["name"] as? String }
    }
}

/// One client wired to a manual clock, a scripted transport and a recording memory store.
struct Harness {
    let clock = ManualClock()
    let transport: ScriptedTransport
    let store: RecordingCacheStore
    let observer = RecordingObserver()
    let client: WeatherClient

    init(
        retry: RetryPolicy = RetryPolicy(maxAttempts: 1), quota: QuotaPolicy = .unlimited,
        random: WeatherRandom = .constant(0.5), refreshLock: ((ManualClock) -> any RefreshLock)? = nil,
        configure: (inout WeatherClient.Configuration) -> Void = { _ in }
    ) {
        transport = ScriptedTransport(clock: clock)
        store = RecordingCacheStore(MemoryCacheStore(clock: clock), refreshLock: refreshLock?(clock))
        var configuration = WeatherClient.Configuration(apiKey: APIKey("SECRETKEY"), retry: retry, quota: quota)
        configure(&configuration)
        client = WeatherClient(
            transport: transport, cache: store, configuration: configuration, clock: clock, random: random,
            observer: observer)
    }

    /// A request about `city` (taken as it is, unvalidated, so tests can use any text) at `endpoint`.
    static func request(_ city: String = "Zürich,CH", endpoint: Endpoint = .current) -> OpenWeatherRequest {
        OpenWeatherRequest(endpoint: endpoint, place: .city(name: city), language: "en")
    }

    func reading(_ request: OpenWeatherRequest = Harness.request()) async throws -> WeatherResult<Reading> {
        try await client.fetch(request, as: Reading.self)
    }

    /// Fetches once so the cache holds `temp`, fresh for exactly 600 s (jitter unit 0.5 → factor 1).
    func prime(temp: Double = 1, dt: Int = 1_767_225_600) async throws {
        transport.enqueue(.any, .json(Reading.json(temp: temp, dt: dt)))
        _ = try await reading()
    }
}

/// Runs `body` and returns the thrown `WeatherError`, or `nil` when it did not throw one.
func weatherError(_ body: () async throws -> Void) async -> WeatherError? {
    do {
        try await body()
        return nil
    } catch let error as WeatherError {
        return error
    } catch {
        return nil
    }
}

/// Runs `body` while freeing anything that sleeps on `clock` (advancing it a second at a time),
/// so code under test that should not sleep fails an assertion on `totalSleepCount` instead of
/// hanging the test. The real-time bound is `waitForSleepers`' safety bound, never test time.
func freeingSleepers<T: Sendable>(_ clock: ManualClock, _ body: @escaping @Sendable () async throws -> T)
    async throws -> T
{
    let task = Task { try await body() }
    let freer = Task {
        while !Task.isCancelled {
            if (try? await clock.waitForSleepers(1, timeout: .milliseconds(200))) != nil {
                clock.advance(by: .seconds(1))
            }
        }
    }
    defer { freer.cancel() }
    return try await task.value
}

/// Yields until `condition` holds (at most `rounds` times), then `extra` more times: lets tasks
/// that were just started reach the point the test waits for, without sleeping.
func yield(until condition: () -> Bool, rounds: Int = 10_000, extra: Int = 100) async {
    var round = 0
    while round < rounds, !condition() {
        await Task.yield()
        round += 1
    }
    for _ in 0..<extra { await Task.yield() }
}
