import Tracing
import WeatherCore
import WeatherServerCore
import WeatherPages

/// The `lookup` span of a routed lookup that reaches the client: a child of the request's server
/// span, parent of the Redis round trips and upstream attempts the client makes for it, with the
/// endpoint family and the cache outcome (`hit`, `miss`, `stale`, `revalidated`) as attributes.
enum LookupSpan {
    /// Runs `fetch` inside the span.
    static func record(
        tracer: any Tracer, family: EndpointFamily, _ fetch: () async throws -> LookupOutcome
    ) async throws -> LookupOutcome {
        let span = tracer.startSpan("lookup \(family.rawValue)", context: .current ?? .topLevel, ofKind: .internal)
        defer { span.end() }
        span.attributes["weather.endpoint_family"] = family.rawValue
        do {
            let outcome = try await InstrumentationContext.$current.withValue(span.context) { try await fetch() }
            span.attributes["weather.cache.outcome"] = outcome.status.rawValue
            return outcome
        } catch let error as WeatherError {
            span.attributes["weather.error"] = error.code.description
            span.setStatus(SpanStatus(code: .error))
            throw error
        }
    }
}
