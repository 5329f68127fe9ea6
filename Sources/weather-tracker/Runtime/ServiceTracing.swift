import Logging
import OTel
import Tracing
import WeatherServer

/// Sets up OpenTelemetry tracing for `serve`: swift-otel's OTLP/HTTP span exporter behind a
/// batch processor, configured by the standard `OTEL_*` variables (``TracingSettings`` says when it
/// is on), and bootstrapped as the process's tracer.
enum ServiceTracing {
    /// The service name spans carry unless `OTEL_SERVICE_NAME` (or `OTEL_RESOURCE_ATTRIBUTES`) names another.
    static let defaultServiceName = "weather-tracker"

    /// Bootstraps the process's tracer and returns the service that exports its spans, for
    /// ``ServiceRunner`` to run in the service group; swift-otel's diagnostics go to `logger`.
    ///
    /// Call at most once per process (`InstrumentationSystem` is bootstrapped once). Throws when
    /// the variables are invalid (swift-otel's error names the variable), for example
    /// `OTEL_EXPORTER_OTLP_PROTOCOL=grpc`, which this build leaves out.
    static func bootstrap(logger: Logger) throws -> TracingBackend {
        var configuration = OTel.Configuration.default
        configuration.serviceName = defaultServiceName
        configuration.logs.enabled = false
        configuration.metrics.enabled = false
        configuration.traces.enabled = true
        configuration.diagnosticLogger = .custom(logger)
        configuration.diagnosticLogLevel = .warning
        let backend = try OTel.makeTracingBackend(configuration: configuration)
        InstrumentationSystem.bootstrap(backend.factory)
        return TracingBackend(tracer: backend.factory, service: backend.service)
    }

    /// Adds `trace_id`, `span_id` and `trace_flags` of the current span to every log line written
    /// inside one: pass it to `LoggingSystem.bootstrap`. Nothing is added outside a span or with
    /// tracing off.
    static var loggingMetadataProvider: Logger.MetadataProvider {
        OTel.makeLoggingMetadataProvider()
    }
}
