import HTTPTypes
import WeatherCore
import WeatherServerCore
import WeatherPages

/// An ``HTTPTransport`` decorator that records every upstream request's latency and outcome
/// (`weather_upstream_request_duration_seconds{outcome}`) and its endpoint and API version
/// (`weather_upstream_requests_total{endpoint,version}`: which One Call version is being paid
/// for, page by page), which ``WeatherClientEvent`` does not carry.
struct TimedTransport: HTTPTransport {
    let base: any HTTPTransport
    let metrics: ServiceMetrics

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let (endpoint, version) = Self.labels(of: request.head.path ?? "/")
        metrics.increment(.weatherUpstreamRequestsTotal, [("endpoint", endpoint), ("version", version)])
        let start = ContinuousClock.now
        do {
            let response = try await base.send(request)
            metrics.record(
                .weatherUpstreamRequestDurationSeconds, [("outcome", String(response.head.status.code))],
                ContinuousClock.now - start)
            return response
        } catch {
            let code = (error as? WeatherError)?.code.description ?? "cancelled"
            metrics.record(
                .weatherUpstreamRequestDurationSeconds, [("outcome", code)], ContinuousClock.now - start)
            throw error
        }
    }

    /// The endpoint (``Endpoint/rawValue``, e.g. `onecall4-1h`) and API version (`4.0`) of an
    /// upstream request target; the path may sit under a proxy's prefix.
    static func labels(of target: String) -> (endpoint: String, version: String) {
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        for endpoint in endpointsByLongestPath {
            let matches =
                endpoint == .oneCall4Alert ? path.contains(endpoint.path + "/") : path.hasSuffix(endpoint.path)
            if matches {
                let segments = endpoint.path.split(separator: "/")
                return (endpoint.rawValue, segments.count > 1 ? String(segments[1]) : "")
            }
        }
        return ("other", "")
    }

    private static let endpointsByLongestPath = Endpoint.allCases.sorted { $0.path.count > $1.path.count }
}
