import XCTest

@testable import OTLPTracing

/// Tracing is off unless an OTLP endpoint or exporter is named; every other variable is honoured
/// as the OpenTelemetry specification says, or refused naming the variable (never its value).
final class OTLPTracingConfigurationTests: XCTestCase {
    private func configuration(_ environment: [String: String]) throws -> OTLPTracingConfiguration? {
        try OTLPTracingConfiguration(environment: environment, defaultServiceName: "svc")
    }

    private func refusal(_ environment: [String: String]) -> OTLPConfigurationError? {
        do {
            _ = try configuration(environment)
            return nil
        } catch {
            return error as? OTLPConfigurationError
        }
    }

    func testOnlyAnEndpointOrTheOTLPExporterTurnsTracingOn() throws {
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
            (["OTEL_TRACES_EXPORTER": "console, otlp"], true),
        ]
        for (environment, enabled) in cases {
            XCTAssertEqual(try configuration(environment) != nil, enabled, "\(environment)")
        }
    }

    func testTheDefaultsAreTheSpecificationsAndTheSharedEndpointGainsTheTracesPath() throws {
        let defaults = try XCTUnwrap(configuration(["OTEL_TRACES_EXPORTER": "otlp"]))
        XCTAssertEqual(defaults.endpoint, "http://localhost:4318/v1/traces")
        XCTAssertEqual(defaults.serviceName, "svc")
        XCTAssertEqual(defaults.sampler, .parentBased(root: .alwaysOn))
        XCTAssertEqual(defaults.exportTimeout, .seconds(10))
        XCTAssertEqual(defaults.scheduleDelay, .seconds(5))
        XCTAssertEqual(defaults.batchExportTimeout, .seconds(30))
        XCTAssertEqual(defaults.maxQueueSize, 2048)
        XCTAssertEqual(defaults.maxExportBatchSize, 512)
        XCTAssertTrue(defaults.propagatesTraceContext)
        XCTAssertTrue(defaults.headers.isEmpty)

        let shared = try XCTUnwrap(configuration(["OTEL_EXPORTER_OTLP_ENDPOINT": "https://otel.example:4318/"]))
        XCTAssertEqual(shared.endpoint, "https://otel.example:4318/v1/traces")
        let specific = try XCTUnwrap(
            configuration([
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://a:4318",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://b:9999/custom/path",
            ]))
        XCTAssertEqual(specific.endpoint, "http://b:9999/custom/path", "the traces URL is used as it is")
    }

    func testServiceNameResourceHeadersTimeoutsAndBatchesAreRead() throws {
        let read = try XCTUnwrap(
            configuration([
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318",
                "OTEL_RESOURCE_ATTRIBUTES": "service.name=from-resource, deployment.environment=prod%20eu",
                "OTEL_EXPORTER_OTLP_HEADERS": "x-shared=1",
                "OTEL_EXPORTER_OTLP_TRACES_HEADERS": "authorization=Bearer%20s3cr3t,x-tenant=acme",
                "OTEL_EXPORTER_OTLP_TIMEOUT": "2500",
                "OTEL_BSP_SCHEDULE_DELAY": "200",
                "OTEL_BSP_MAX_QUEUE_SIZE": "100",
                "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "10",
                "OTEL_PROPAGATORS": "none",
            ]))
        XCTAssertEqual(read.serviceName, "from-resource")
        XCTAssertEqual(read.resourceAttributes.map(\.key), ["deployment.environment"])
        XCTAssertEqual(read.resourceAttributes.map(\.value), ["prod eu"])
        XCTAssertEqual(read.headers.map(\.name), ["authorization", "x-tenant"], "the traces-specific list wins")
        XCTAssertEqual(read.headers.map(\.value), ["Bearer s3cr3t", "acme"])
        XCTAssertEqual(read.exportTimeout, .milliseconds(2500))
        XCTAssertEqual(read.scheduleDelay, .milliseconds(200))
        XCTAssertEqual(read.maxQueueSize, 100)
        XCTAssertEqual(read.maxExportBatchSize, 10)
        XCTAssertFalse(read.propagatesTraceContext)
        XCTAssertNil(read.certificateFile)
        XCTAssertNil(read.clientCertificate)

        let tls = try XCTUnwrap(
            configuration([
                "OTEL_EXPORTER_OTLP_ENDPOINT": "https://collector:4318",
                "OTEL_EXPORTER_OTLP_CERTIFICATE": "/etc/otel/ca.pem",
                "OTEL_EXPORTER_OTLP_TRACES_CLIENT_CERTIFICATE": "/etc/otel/client.pem",
                "OTEL_EXPORTER_OTLP_CLIENT_KEY": "/etc/otel/client.key",
            ]))
        XCTAssertEqual(tls.certificateFile, "/etc/otel/ca.pem")
        XCTAssertEqual(tls.clientCertificate?.certificateFile, "/etc/otel/client.pem")
        XCTAssertEqual(tls.clientCertificate?.keyFile, "/etc/otel/client.key")

        let named = try XCTUnwrap(
            configuration([
                "OTEL_TRACES_EXPORTER": "otlp", "OTEL_SERVICE_NAME": "explicit",
                "OTEL_RESOURCE_ATTRIBUTES": "service.name=ignored",
            ]))
        XCTAssertEqual(named.serviceName, "explicit")
    }

    func testSamplersAreReadWithTheirRatio() throws {
        let base = ["OTEL_TRACES_EXPORTER": "otlp"]
        let cases: [(String, String?, Sampler)] = [
            ("always_on", nil, .alwaysOn), ("always_off", nil, .alwaysOff),
            ("traceidratio", "0.01", .traceIDRatio(0.01)), ("traceidratio", nil, .traceIDRatio(1)),
            ("parentbased_always_off", nil, .parentBased(root: .alwaysOff)),
            ("PARENTBASED_TRACEIDRATIO", "0.5", .parentBased(root: .traceIDRatio(0.5))),
        ]
        for (name, argument, sampler) in cases {
            var environment = base
            environment["OTEL_TRACES_SAMPLER"] = name
            environment["OTEL_TRACES_SAMPLER_ARG"] = argument
            XCTAssertEqual(try configuration(environment)?.sampler, sampler, name)
        }
    }

    func testWhatCannotBeHonouredIsRefusedNamingTheVariableNotItsValue() {
        let endpoint = ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"]
        let cases: [([String: String], String)] = [
            (["OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"], "OTEL_EXPORTER_OTLP_PROTOCOL"),
            (["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL": "http/json"], "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"),
            (["OTEL_EXPORTER_OTLP_COMPRESSION": "gzip"], "OTEL_EXPORTER_OTLP_COMPRESSION"),
            (["OTEL_TRACES_SAMPLER": "jaeger_remote"], "OTEL_TRACES_SAMPLER"),
            (["OTEL_TRACES_SAMPLER": "traceidratio", "OTEL_TRACES_SAMPLER_ARG": "1.5"], "OTEL_TRACES_SAMPLER_ARG"),
            (["OTEL_PROPAGATORS": "b3"], "OTEL_PROPAGATORS"),
            (["OTEL_BSP_MAX_QUEUE_SIZE": "0"], "OTEL_BSP_MAX_QUEUE_SIZE"),
            (["OTEL_BSP_SCHEDULE_DELAY": "soon"], "OTEL_BSP_SCHEDULE_DELAY"),
            (["OTEL_BSP_MAX_QUEUE_SIZE": "10", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "20"], "OTEL_BSP_MAX_EXPORT_BATCH_SIZE"),
            (["OTEL_EXPORTER_OTLP_HEADERS": "authorization"], "OTEL_EXPORTER_OTLP_HEADERS"),
            (["OTEL_EXPORTER_OTLP_HEADERS": "a=%zz-topsecret"], "OTEL_EXPORTER_OTLP_HEADERS"),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": "collector:4318-topsecret"], "OTEL_EXPORTER_OTLP_ENDPOINT"),
            (["OTEL_EXPORTER_OTLP_CLIENT_KEY": "/run/secrets/topsecret.key"], "OTEL_EXPORTER_OTLP_CLIENT_KEY"),
        ]
        for (variables, variable) in cases {
            let error = refusal(endpoint.merging(variables) { $1 })
            XCTAssertEqual(error?.variable, variable, "\(variables)")
            XCTAssertFalse(error?.description.contains("topsecret") ?? true, "\(error.map(String.init(describing:)) ?? "")")
        }
        XCTAssertNil(
            refusal([
                "OTEL_EXPORTER_OTLP_PROTOCOL": "grpc", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL": "http/protobuf",
                "OTEL_TRACES_EXPORTER": "otlp",
            ]), "the traces-specific variable wins")
        XCTAssertNil(refusal(["OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"]), "tracing off: nothing to refuse")
    }
}
