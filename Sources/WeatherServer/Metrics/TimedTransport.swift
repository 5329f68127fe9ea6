import HTTPTypes
import WeatherCore

/// An ``HTTPTransport`` decorator that records every upstream request's latency and outcome
/// (`weather_upstream_request_duration_seconds{outcome}`), which ``WeatherClientEvent`` does not carry.
struct TimedTransport: HTTPTransport {
    let base: any HTTPTransport
    let metrics: ServiceMetrics

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let start = ContinuousClock.now
        do {
            let response = try await base.send(request)
            metrics.record(
                "weather_upstream_request_duration_seconds", [("outcome", String(response.head.status.code))],
                ContinuousClock.now - start)
            return response
        } catch {
            let code = (error as? WeatherError)?.code.description ?? "cancelled"
            metrics.record(
                "weather_upstream_request_duration_seconds", [("outcome", code)], ContinuousClock.now - start)
            throw error
        }
    }
}
