import OpenWeatherStub

/// CurlTransport against AsyncHTTPClient: the same requests to OpenWeatherStub on loopback, in
/// the same run, sequentially and at a given concurrency, each bounded by a request count and a
/// time limit.
///
/// `swift run -c release --package-path Benchmarks TransportBenchmark [requests] [seconds] [concurrency] [rounds]`
@main
enum TransportBenchmark {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        let maxRequests = arguments.count > 0 ? arguments[0] : 3000
        let maxSeconds = arguments.count > 1 ? arguments[1] : 3
        let concurrency = arguments.count > 2 ? arguments[2] : 16
        let rounds = arguments.count > 3 ? arguments[3] : 3
        print("GET /data/2.5/weather on loopback; per run: up to \(maxRequests) requests or \(maxSeconds) s;")
        print("\(rounds) interleaved rounds per client, the median round (by req/s) is shown")
        print(row("client", "body", "concurrency", "requests", "req/s", "p50 ms", "p99 ms", "cpu µs/req"))
        for compressed in [true, false] {
            try await OpenWeatherStub.withRunning(configuration: .init(compressResponses: compressed)) { stub in
                let urls = (0..<50).map { "\(stub.baseURL)/data/2.5/weather?q=City\($0)&appid=stub-key" }
                for level in [1, concurrency] {
                    let clients: [any BenchmarkClient] = [
                        CurlClient(concurrency: level), AHCClient(concurrency: level),
                    ]
                    var results: [[LoadResult]] = clients.map { _ in [] }
                    for client in clients {
                        // Warm up: open the connections and fill the caches.
                        _ = try await runLoad(
                            client: client, urls: urls, concurrency: level, maxRequests: 200, maxDuration: .seconds(2))
                    }
                    for round in 0..<rounds {
                        // Alternate who goes first, so that drifting machine load hits both alike.
                        let order = round % 2 == 0 ? Array(clients.indices) : clients.indices.reversed()
                        for index in order {
                            results[index].append(
                                try await runLoad(
                                    client: clients[index], urls: urls, concurrency: level, maxRequests: maxRequests,
                                    maxDuration: .seconds(maxSeconds)))
                        }
                    }
                    for (client, runs) in zip(clients, results) {
                        let median = runs.sorted { $0.requestsPerSecond < $1.requestsPerSecond }[runs.count / 2]
                        print(
                            row(
                                client.name, compressed ? "deflate" : "identity", String(level),
                                String(median.requests), format(median.requestsPerSecond, places: 0),
                                format(seconds(median.percentile(0.5)) * 1000, places: 3),
                                format(seconds(median.percentile(0.99)) * 1000, places: 3),
                                format(median.cpuMicrosecondsPerRequest, places: 0)))
                        try await client.shutdown()
                    }
                }
                let stats = stub.stats
                print("  stub: \(stats.requests) requests over \(stats.connectionsAccepted) connections")
            }
        }
    }

    static func row(_ columns: String...) -> String {
        zip(columns, [16, 10, 12, 10, 10, 10, 10, 10]).map { column, width in
            column + String(repeating: " ", count: max(width - column.count, 1))
        }.joined()
    }

    static func format(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return places == 0 ? String(Int(rounded)) : String(rounded)
    }
}
