public import ServiceLifecycle
public import Tracing

/// A tracer and the service that exports its spans, handed to ``ServiceRunner`` when tracing is on.
///
/// The server records spans through the swift-distributed-tracing API only; which backend exports
/// them is the caller's choice. `weather-tracker serve` bootstraps swift-otel's OTLP/HTTP exporter
/// (so this library, and what depends on it, does not compile the exporter and its HTTP and TLS
/// stack). ``ServiceRunner`` starts `service` first, so it stops last and the spans of requests
/// finished during shutdown are still exported.
public struct TracingBackend: Sendable {
    /// The tracer the service's spans are recorded with (also the process's bootstrapped tracer).
    public var tracer: any Tracer
    /// The long-lived part that exports finished spans, run in the service group.
    public var service: any Service

    /// A backend of `tracer`, exported by `service`.
    public init(tracer: any Tracer, service: any Service) {
        self.tracer = tracer
        self.service = service
    }
}
