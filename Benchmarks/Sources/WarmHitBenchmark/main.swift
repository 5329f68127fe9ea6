// The warm-hit path of WeatherClient: what a lookup costs when the answer is already cached in
// process (MemoryCacheStore get + one fast decode), next to its two parts measured alone.
//
//   swift build -c release --package-path Benchmarks
//   Benchmarks/.build/release/WarmHitBenchmark [--payload FILE] [--lookups N] [--rounds R]
//
// Bounded: R rounds of N lookups each (defaults 3 × 100,000), and at most ~10 s per measurement.
import Foundation
import HTTPTypes
import WeatherCore

/// Answers every request with the same body: the upstream is asked once, then never again.
struct FixedTransport: HTTPTransport {
    let body: [UInt8]
    func send(_ request: TransportRequest) async throws -> TransportResponse {
        TransportResponse(status: .ok, body: body)
    }
}

struct Options {
    var payload = "Benchmarks/Payloads/current/0000.json"
    var lookups = 100_000
    var rounds = 3

    init(_ arguments: [String]) {
        var it = arguments.dropFirst().makeIterator()
        while let flag = it.next() {
            switch flag {
            case "--payload": payload = it.next() ?? payload
            case "--lookups": lookups = it.next().flatMap(Int.init) ?? lookups
            case "--rounds": rounds = it.next().flatMap(Int.init) ?? rounds
            default:
                FileHandle.standardError.write(
                    Data("usage: WarmHitBenchmark [--payload FILE] [--lookups N] [--rounds R]\n".utf8))
                exit(2)
            }
        }
    }
}

/// Runs `body` up to `count` times (stopping after 10 s) and returns nanoseconds per call, best of `rounds`.
func measure(_ rounds: Int, _ count: Int, _ body: () async throws -> Void) async rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        var done = 0
        while done < count {
            try await body()
            done += 1
            if done % 1024 == 0, ContinuousClock.now - start > .seconds(10) { break }
        }
        let elapsed = (ContinuousClock.now - start).components
        best = min(best, (Double(elapsed.seconds) * 1e9 + Double(elapsed.attoseconds) / 1e9) / Double(done))
    }
    return best
}

nonisolated func run() async throws {
    let options = Options(CommandLine.arguments)
    let body = Array(try Data(contentsOf: URL(fileURLWithPath: options.payload)))
    let client = WeatherClient(
        transport: FixedTransport(body: body), configuration: .init(apiKey: APIKey("benchmark"), quota: .unlimited))
    let place = Place.city(name: "London", country: "GB")
    let first = try await client.current(for: place)
    precondition(first.cacheStatus == .miss)

    let lookup = try await measure(options.rounds, options.lookups) {
        let result = try await client.current(for: place)
        precondition(result.cacheStatus == .hit)
    }
    let decode = try await measure(options.rounds, options.lookups) { _ = try CurrentWeather(jsonBytes: body) }
    let store = MemoryCacheStore()
    let key = CacheKey(rawValue: "benchmark")
    let now = Date()
    try await store.set(
        key, to: CacheEntry(body: body, fetchedAt: now, freshUntil: .distantFuture, staleUntil: .distantFuture),
        ttl: .seconds(3600))
    let get = try await measure(options.rounds, options.lookups) { _ = try await store.get(key) }

    print("warm hit, \(options.payload) (\(body.count) bytes), best of \(options.rounds) × \(options.lookups)")
    print("| step | ns per lookup | lookups/s |")
    print("|---|---:|---:|")
    for (name, ns) in [
        ("WeatherClient.current(for:) — cache hit", lookup), ("MemoryCacheStore.get alone", get),
        ("CurrentWeather(jsonBytes:) alone", decode),
    ] {
        print("| \(name) | \(Int(ns.rounded())) | \(Int((1e9 / ns).rounded())) |")
    }
}

try await Task.detached { try await run() }.value
