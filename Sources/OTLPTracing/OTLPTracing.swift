public import Logging
public import WeatherCore

/// Tracing over OTLP/HTTP: a tracer (``OTLPTracer``) and the service that exports its spans
/// (``BatchSpanExporter``), both made from one ``OTLPTracingConfiguration``.
public enum OTLPTracing {
    /// The tracer and its exporter for `configuration`, exporting through `transport`.
    ///
    /// Bootstrap the tracer (`InstrumentationSystem.bootstrap(tracer)`) and run the exporter in
    /// the service group, before the services whose spans it exports (it stops after them) and
    /// after `transport` when that is a service too (so the transport outlives the last export).
    ///
    /// - Parameters:
    ///   - serviceVersion: `service.version` of the resource.
    ///   - logger: Where export problems are reported (one line when exports start failing, one
    ///     when they recover).
    public static func make(
        configuration: OTLPTracingConfiguration, serviceVersion: String, transport: any HTTPTransport, logger: Logger
    ) -> (tracer: OTLPTracer, exporter: BatchSpanExporter) {
        let resource =
            [
                (key: "service.name", value: configuration.serviceName),
                (key: "service.version", value: serviceVersion),
                (key: "telemetry.sdk.name", value: "weather-tracker"),
                (key: "telemetry.sdk.language", value: "swift"),
            ] + configuration.resourceAttributes.filter { $0.key != "service.version" }
        let exporter = BatchSpanExporter(
            exporter: OTLPHTTPExporter(transport: transport, configuration: configuration),
            request: OTLPTraceRequest(resource: resource, scope: (name: "weather-tracker", version: serviceVersion)),
            configuration: configuration, logger: logger)
        let tracer = OTLPTracer(
            sampler: configuration.sampler, propagatesTraceContext: configuration.propagatesTraceContext,
            onFlush: exporter.flush, onEnd: exporter.record)
        return (tracer, exporter)
    }
}
