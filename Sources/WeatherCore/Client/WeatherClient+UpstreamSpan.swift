import HTTPTypes
import Tracing

extension WeatherClient {
    /// Sends one upstream attempt inside a client span `upstream <family>` of the current trace:
    /// the endpoint family, the attempt number (1 for the first try), the method, host and path
    /// (never the query, which holds the key, nor any userinfo), the status and the outcome
    /// (`ok`, the upstream status as `http_429`, or the ``WeatherError/Code`` of a failure).
    ///
    /// A no-op span while no tracer is bootstrapped (the library's default). Errors are not
    /// recorded as span events: their text is redacted only after this returns.
    func sendTraced(_ http: TransportRequest, family: EndpointFamily, attempt: Int) async throws -> TransportResponse {
        let span = InstrumentationSystem.tracer.startSpan(
            "upstream \(family.rawValue)", context: .current ?? .topLevel, ofKind: .client)
        defer { span.end() }
        if span.isRecording {
            span.attributes["weather.endpoint_family"] = family.rawValue
            span.attributes["weather.upstream.attempt"] = attempt
            span.attributes["http.request.method"] = http.head.method.rawValue
            if let authority = http.head.authority {
                // userinfo@host:port → host:port
                span.attributes["server.address"] = String(authority.split(separator: "@").last ?? "")
            }
            if let target = http.head.path {
                span.attributes["url.path"] = String(target.split(separator: "?", maxSplits: 1).first ?? "")
            }
        }
        do {
            let response = try await InstrumentationContext.$current.withValue(span.context) {
                try await transport.send(http)
            }
            let code = Int(response.head.status.code)
            span.attributes["http.response.status_code"] = code
            span.attributes["weather.upstream.outcome"] = code < 400 ? "ok" : "http_\(code)"
            if code >= 500 { span.setStatus(SpanStatus(code: .error)) }
            return response
        } catch {
            span.attributes["weather.upstream.outcome"] = (error as? WeatherError)?.code.description ?? "cancelled"
            span.setStatus(SpanStatus(code: .error))
            throw error
        }
    }
}
