public import ServiceLifecycle
public import Tracing
import WeatherServerCore
import WeatherPages

/// A tracer and the services that export its spans, handed to ``ServiceRunner`` when tracing is on.
///
/// The server records spans through the swift-distributed-tracing API only; which backend exports
/// them is the caller's choice (`weather-tracker serve` uses the OTLP/HTTP exporter of the
/// `OTLPTracing` module, over a curl transport of its own). ``ServiceRunner`` starts `services`
/// first, in order, so they stop last (in reverse): the spans of requests finished during shutdown
/// are still exported, through a transport that is still running.
public struct TracingBackend: Sendable {
    /// The tracer the service's spans are recorded with (also the process's bootstrapped tracer).
    public var tracer: any Tracer
    /// The long-lived parts that export finished spans, in start order (for example the
    /// transport, then the exporter that sends through it).
    public var services: [any Service]

    /// A backend of `tracer`, exported by `services` (started in order, stopped in reverse).
    public init(tracer: any Tracer, services: [any Service]) {
        self.tracer = tracer
        self.services = services
    }
}
