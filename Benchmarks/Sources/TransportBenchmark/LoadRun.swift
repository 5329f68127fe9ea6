import Synchronization

/// The outcome of one client at one concurrency.
struct LoadResult {
    var requests: Int
    var elapsed: Duration
    /// Per-request latencies, sorted.
    var latencies: [Duration]

    var requestsPerSecond: Double { Double(requests) / seconds(elapsed) }

    /// The latency below which `fraction` of the requests completed.
    func percentile(_ fraction: Double) -> Duration {
        guard !latencies.isEmpty else { return .zero }
        let index = min(latencies.count - 1, Int((Double(latencies.count) * fraction).rounded(.up)) - 1)
        return latencies[max(index, 0)]
    }
}

/// Seconds as a float.
func seconds(_ duration: Duration) -> Double {
    let (whole, atto) = duration.components
    return Double(whole) + Double(atto) / 1e18
}

/// Runs `concurrency` workers sending requests from `urls` until `maxRequests` were sent or
/// `maxDuration` passed, whichever comes first.
func runLoad(
    client: any BenchmarkClient, urls: [String], concurrency: Int, maxRequests: Int, maxDuration: Duration
) async throws -> LoadResult {
    let issued = RequestCounter()
    let clock = ContinuousClock()
    let start = clock.now
    let deadline = start + maxDuration
    let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
        for _ in 0..<concurrency {
            group.addTask {
                var mine: [Duration] = []
                mine.reserveCapacity(maxRequests / concurrency + 1)
                while clock.now < deadline {
                    let index = issued.next()
                    if index >= maxRequests { break }
                    let began = clock.now
                    _ = try await client.get(urls[index % urls.count])
                    mine.append(clock.now - began)
                }
                return mine
            }
        }
        return try await group.reduce(into: [Duration]()) { $0 += $1 }
    }
    let elapsed = clock.now - start
    return LoadResult(requests: latencies.count, elapsed: elapsed, latencies: latencies.sorted())
}

/// Hands out request numbers to the workers.
final class RequestCounter: Sendable {
    private let value = Atomic<Int>(0)

    /// The next request number, starting at 0.
    func next() -> Int { value.add(1, ordering: .relaxed).oldValue }
}
