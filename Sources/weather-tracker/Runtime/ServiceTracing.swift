import Logging
import OTLPTracing
import Tracing
import WeatherHTTP
import WeatherServer
import WeatherServerCore

/// Sets up OpenTelemetry tracing for `serve`: the OTLP/HTTP tracer and batch exporter of
/// `OTLPTracing`, configured by the standard `OTEL_*` variables and sending through a curl
/// transport of its own (so exports never take a connection from upstream lookups).
enum ServiceTracing {
    /// The service name spans carry unless `OTEL_SERVICE_NAME` (or `OTEL_RESOURCE_ATTRIBUTES`) names another.
    static let defaultServiceName = "weather-tracker"

    /// The tracing settings of `environment`: `nil` when tracing is off (the default).
    ///
    /// - Throws: ``OTLPTracing/OTLPConfigurationError`` naming the variable that cannot be honoured,
    ///   for example `OTEL_EXPORTER_OTLP_PROTOCOL=grpc`, which this build leaves out.
    static func configuration(environment: [String: String]) throws(OTLPConfigurationError) -> OTLPTracingConfiguration? {
        try OTLPTracingConfiguration(environment: environment, defaultServiceName: defaultServiceName)
    }

    /// Bootstraps the process's tracer for `configuration` and returns it with the services that
    /// export its spans (the transport, then the exporter), for ``ServiceRunner`` to run first.
    /// Export problems go to `logger`. Call at most once per process (`InstrumentationSystem` is
    /// bootstrapped once).
    static func bootstrap(configuration: OTLPTracingConfiguration, logger: Logger) -> TracingBackend {
        let transport = CurlTransport(
            configuration: .init(
                connectTimeout: min(.seconds(5), configuration.exportTimeout), timeout: configuration.exportTimeout,
                maxResponseBytes: 64 * 1024, maxConnectionsPerHost: 2,
                userAgent: "weather-tracker/\(ServiceVersion.current) (OTLP exporter)",
                caBundlePath: configuration.certificateFile,
                clientCertificatePath: configuration.clientCertificate?.certificateFile,
                clientKeyPath: configuration.clientCertificate?.keyFile))
        let (tracer, exporter) = OTLPTracing.make(
            configuration: configuration, serviceVersion: ServiceVersion.current, transport: transport, logger: logger)
        InstrumentationSystem.bootstrap(tracer)
        return TracingBackend(tracer: tracer, services: [transport, exporter])
    }
}
