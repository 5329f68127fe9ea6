import AsyncHTTPClient
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import WeatherCore
import WeatherHTTP

/// One HTTP client under test: performs a GET and returns the decoded body size.
protocol BenchmarkClient: Sendable {
    /// The name printed in the results.
    var name: String { get }
    /// Performs `GET url`; throws unless the status is 200.
    func get(_ url: String) async throws -> Int
    /// Releases the client's resources.
    func shutdown() async throws
}

/// A non-200 answer during a benchmark.
struct UnexpectedStatus: Error, CustomStringConvertible {
    var status: Int
    var description: String { "unexpected status \(status)" }
}

/// CurlTransport, as the service uses it.
struct CurlClient: BenchmarkClient {
    let transport: CurlTransport
    var name: String { "CurlTransport" }

    init(concurrency: Int) {
        transport = CurlTransport(configuration: .init(maxConnectionsPerHost: max(concurrency, 1)))
    }

    func get(_ url: String) async throws -> Int {
        let response = try await transport.send(TransportRequest(url: url))
        guard response.head.status == .ok else { throw UnexpectedStatus(status: response.head.status.code) }
        return response.body.count
    }

    func shutdown() async throws { await transport.shutdown() }
}

/// AsyncHTTPClient with the same behaviour: keep-alive pool of the same size, gzip/deflate
/// requested and decoded.
struct AHCClient: BenchmarkClient {
    let client: HTTPClient
    var name: String { "AsyncHTTPClient" }

    init(concurrency: Int) {
        var configuration = HTTPClient.Configuration(decompression: .enabled(limit: .none))
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(concurrency, 1)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func get(_ url: String) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept-Encoding", value: "deflate, gzip")
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
        guard response.status == .ok else { throw UnexpectedStatus(status: Int(response.status.code)) }
        return body.readableBytes
    }

    func shutdown() async throws { try await client.shutdown() }
}
