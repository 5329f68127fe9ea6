import Foundation

/// Whether the service exports traces, decided from the standard OpenTelemetry variables.
///
/// Tracing is off by default. It is on when an OTLP endpoint is named
/// (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) or when
/// `OTEL_TRACES_EXPORTER=otlp` asks for the default endpoint (`http://localhost:4318`); and it
/// stays off whatever else is set when `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none`.
/// Everything else (service name, sampler, batch sizes, headers, timeouts) swift-otel reads from
/// the same variables itself.
public struct TracingSettings: Sendable, Equatable {
    /// Whether spans are recorded and exported.
    public var isEnabled: Bool
    /// Why the variables cannot be honoured, naming the variable: a gRPC protocol, which this build
    /// leaves out (swift-otel would stop the process on it). `nil` when they can.
    public var problem: String?

    /// Settings with tracing on or off.
    public init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// The decision for this process's environment.
    public static var processEnvironment: TracingSettings {
        TracingSettings(environment: ProcessInfo.processInfo.environment)
    }

    /// The decision for `environment` (the process's variables).
    public init(environment: [String: String]) {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                return nil
            }
            return text.lowercased()
        }
        if value("OTEL_SDK_DISABLED") == "true" {
            isEnabled = false
        } else if let exporter = value("OTEL_TRACES_EXPORTER") {
            // `otlp` is the only exporter this build ships; `none` (or anything else) keeps tracing off.
            isEnabled = exporter == "otlp"
        } else {
            isEnabled =
                value("OTEL_EXPORTER_OTLP_ENDPOINT") != nil || value("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") != nil
        }
        // The traces-specific variable wins over the shared one, as in swift-otel.
        if isEnabled,
            let name = ["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"].first(where: {
                value($0) != nil
            }),
            value(name) == "grpc"
        {
            problem =
                "\(name)=grpc: this build exports traces over OTLP/HTTP only; set http/protobuf (the default) or unset it"
        }
    }
}
