import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// User plus system CPU time of the whole process so far, in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// The outcome of one client at one concurrency.
struct LoadResult {
    var requests: Int
    var elapsed: Duration
    /// Per-request latencies, sorted.
    var latencies: [Duration]
    /// CPU time (user + system) the whole process spent, stub included, per request.
    var cpuMicrosecondsPerRequest: Double

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
    let cpuBefore = processCPUSeconds()
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
    let cpu = processCPUSeconds() - cpuBefore
    return LoadResult(
        requests: latencies.count, elapsed: elapsed, latencies: latencies.sorted(),
        cpuMicrosecondsPerRequest: cpu * 1e6 / Double(max(latencies.count, 1)))
}

/// Hands out request numbers to the workers.
final class RequestCounter: Sendable {
    private let value = Atomic<Int>(0)

    /// The next request number, starting at 0.
    func next() -> Int { value.add(1, ordering: .relaxed).oldValue }
}
