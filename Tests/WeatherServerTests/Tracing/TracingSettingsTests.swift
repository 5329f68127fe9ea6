import XCTest

@testable import WeatherServer

/// Tracing is off unless an OTLP endpoint or exporter is named, and the SDK's off switch wins.
final class TracingSettingsTests: XCTestCase {
    func testOnlyAnEndpointOrTheOTLPExporterTurnsTracingOn() {
        let cases: [([String: String], Bool)] = [
            ([:], false),
            (["OTEL_SERVICE_NAME": "weather"], false),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"], true),
            (["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://collector:4318/v1/traces"], true),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": "  "], false),
            (["OTEL_TRACES_EXPORTER": "otlp"], true),
            (["OTEL_TRACES_EXPORTER": "none", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"], false),
            (["OTEL_SDK_DISABLED": "true", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"], false),
            (["OTEL_SDK_DISABLED": "false", "OTEL_TRACES_EXPORTER": "OTLP"], true),
        ]
        for (environment, enabled) in cases {
            XCTAssertEqual(TracingSettings(environment: environment).isEnabled, enabled, "\(environment)")
        }
    }

    func testAGRPCProtocolIsNamedAsAProblemSinceOnlyHTTPIsBuilt() {
        let endpoint = ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4317"]
        XCTAssertNil(TracingSettings(environment: endpoint).problem)
        let grpc = TracingSettings(environment: endpoint.merging(["OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"]) { $1 })
        XCTAssertTrue(grpc.problem?.hasPrefix("OTEL_EXPORTER_OTLP_PROTOCOL=grpc") == true, "\(grpc)")
        let tracesHTTP = endpoint.merging([
            "OTEL_EXPORTER_OTLP_PROTOCOL": "grpc", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL": "http/protobuf",
        ]) { $1 }
        XCTAssertNil(TracingSettings(environment: tracesHTTP).problem, "the traces-specific variable wins")
        XCTAssertNil(
            TracingSettings(environment: ["OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"]).problem,
            "tracing off: nothing to refuse")
    }
}
