import WeatherCore

/// How spans are sampled, batched and exported, read from the standard OpenTelemetry variables.
///
/// Tracing is off by default: ``init(environment:)`` returns `nil` unless an OTLP endpoint is named
/// (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) or
/// `OTEL_TRACES_EXPORTER=otlp` asks for the default one (`http://localhost:4318`), and always when
/// `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none`. The variables read, with their
/// defaults, are those of the OpenTelemetry SDK environment specification:
///
/// | Variable | Default |
/// |---|---|
/// | `OTEL_SERVICE_NAME` (else `service.name` in `OTEL_RESOURCE_ATTRIBUTES`) | the caller's default name |
/// | `OTEL_RESOURCE_ATTRIBUTES` | none |
/// | `OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT` | `http://localhost:4318` (`/v1/traces` appended to the shared one) |
/// | `OTEL_EXPORTER_OTLP_[TRACES_]HEADERS` | none |
/// | `OTEL_EXPORTER_OTLP_[TRACES_]TIMEOUT` (ms) | 10000 |
/// | `OTEL_EXPORTER_OTLP_[TRACES_]CERTIFICATE` (CA bundle) | the system's CAs |
/// | `OTEL_EXPORTER_OTLP_[TRACES_]CLIENT_CERTIFICATE`, `…_CLIENT_KEY` (mutual TLS) | none |
/// | `OTEL_EXPORTER_OTLP_[TRACES_]PROTOCOL` | `http/protobuf`, the only one built |
/// | `OTEL_EXPORTER_OTLP_[TRACES_]COMPRESSION` | `none`, the only one built |
/// | `OTEL_TRACES_SAMPLER`, `OTEL_TRACES_SAMPLER_ARG` | `parentbased_always_on`, 1.0 |
/// | `OTEL_BSP_SCHEDULE_DELAY`, `OTEL_BSP_EXPORT_TIMEOUT` (ms) | 5000, 30000 |
/// | `OTEL_BSP_MAX_QUEUE_SIZE`, `OTEL_BSP_MAX_EXPORT_BATCH_SIZE` | 2048, 512 |
/// | `OTEL_PROPAGATORS` | `tracecontext,baggage` (W3C trace context; baggage is not carried) |
///
/// A value that cannot be honoured throws an ``OTLPConfigurationError`` naming the variable, never
/// its value (headers and endpoints may hold credentials).
public struct OTLPTracingConfiguration: Sendable {
    /// The `service.name` resource attribute.
    public var serviceName: String
    /// Further resource attributes (`OTEL_RESOURCE_ATTRIBUTES`), in the order given.
    public var resourceAttributes: [(key: String, value: String)]
    /// The absolute URL spans are POSTed to, `…/v1/traces`.
    public var endpoint: String
    /// Extra header fields of every export request (for example an authorization token).
    public var headers: [(name: String, value: String)]
    /// How long one export request may take.
    public var exportTimeout: Duration
    /// A PEM CA bundle to verify the collector with instead of the system's CAs.
    public var certificateFile: String?
    /// A PEM client certificate and its key, for a collector that requires mutual TLS.
    public var clientCertificate: (certificateFile: String, keyFile: String)?
    /// Which traces are recorded and exported.
    public var sampler: Sampler
    /// Whether `traceparent` and `tracestate` are read from requests (and written by `inject`).
    public var propagatesTraceContext: Bool
    /// How often finished spans are exported.
    public var scheduleDelay: Duration
    /// How long one batch's export may take, its retries included.
    public var batchExportTimeout: Duration
    /// How many finished spans wait at most; more are dropped (and counted) until the next export.
    public var maxQueueSize: Int
    /// How many spans one export request carries at most.
    public var maxExportBatchSize: Int

    /// The settings for `environment` (the process's variables), or `nil` when tracing is off.
    ///
    /// - Parameter defaultServiceName: `service.name` when neither `OTEL_SERVICE_NAME` nor the
    ///   resource attributes name one.
    /// - Throws: ``OTLPConfigurationError`` naming the first variable that cannot be honoured.
    public init?(environment: [String: String], defaultServiceName: String) throws(OTLPConfigurationError) {
        let variables = Variables(environment: environment)
        if variables.lowercased("OTEL_SDK_DISABLED") == "true" { return nil }
        if let exporter = variables.lowercased("OTEL_TRACES_EXPORTER") {
            // `otlp` is the only exporter built; `none` (or a list without `otlp`) keeps tracing off.
            guard exporter.split(separator: ",").contains(where: { $0.trimmed == "otlp" }) else { return nil }
        } else if variables["OTEL_EXPORTER_OTLP_ENDPOINT"] == nil,
            variables["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] == nil
        {
            return nil
        }

        if let (name, value) = variables.exporter("PROTOCOL"),
            value.lowercased() != "http/protobuf"
        {
            throw OTLPConfigurationError(
                variable: name,
                reason: "\(value) is not built: spans are exported as OTLP/HTTP protobuf; set http/protobuf or unset it")
        }
        if let (name, value) = variables.exporter("COMPRESSION"),
            value.lowercased() != "none"
        {
            throw OTLPConfigurationError(
                variable: name, reason: "\(value) is not built: export requests are sent uncompressed; set none or unset it")
        }

        resourceAttributes = try variables.keyValueList("OTEL_RESOURCE_ATTRIBUTES")
        serviceName =
            variables["OTEL_SERVICE_NAME"]
            ?? resourceAttributes.last(where: { $0.key == "service.name" })?.value ?? defaultServiceName
        resourceAttributes.removeAll { $0.key == "service.name" }

        if let traces = variables["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] {
            endpoint = try Self.httpURL(traces, variable: "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
        } else {
            let base = try Self.httpURL(
                variables["OTEL_EXPORTER_OTLP_ENDPOINT"] ?? "http://localhost:4318",
                variable: "OTEL_EXPORTER_OTLP_ENDPOINT")
            endpoint = (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/v1/traces"
        }
        headers = try variables.keyValueList(variables.exporterName("HEADERS")).map { (name: $0.key, value: $0.value) }
        exportTimeout = try variables.milliseconds(variables.exporterName("TIMEOUT"), default: 10_000)
        certificateFile = variables.exporter("CERTIFICATE")?.1
        let certificate = variables.exporter("CLIENT_CERTIFICATE")
        let key = variables.exporter("CLIENT_KEY")
        switch (certificate, key) {
        case (nil, nil): clientCertificate = nil
        case (let certificate?, let key?): clientCertificate = (certificateFile: certificate.1, keyFile: key.1)
        case (let set?, nil), (nil, let set?):
            throw OTLPConfigurationError(
                variable: set.0, reason: "is set without its pair: mutual TLS needs both the client certificate and its key")
        }

        sampler = try Sampler(
            name: variables.lowercased("OTEL_TRACES_SAMPLER") ?? "parentbased_always_on",
            argument: variables["OTEL_TRACES_SAMPLER_ARG"])
        let propagators = (variables.lowercased("OTEL_PROPAGATORS") ?? "tracecontext,baggage")
            .split(separator: ",").map(\.trimmed)
        if let unknown = propagators.first(where: { !["tracecontext", "baggage", "none"].contains($0) }) {
            throw OTLPConfigurationError(
                variable: "OTEL_PROPAGATORS",
                reason: "\(unknown) is not built: use tracecontext (W3C trace context), baggage or none")
        }
        propagatesTraceContext = propagators.contains("tracecontext")

        scheduleDelay = try variables.milliseconds("OTEL_BSP_SCHEDULE_DELAY", default: 5_000)
        batchExportTimeout = try variables.milliseconds("OTEL_BSP_EXPORT_TIMEOUT", default: 30_000)
        maxQueueSize = try variables.count("OTEL_BSP_MAX_QUEUE_SIZE", default: 2_048)
        maxExportBatchSize = try variables.count("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", default: 512)
        guard maxExportBatchSize <= maxQueueSize else {
            throw OTLPConfigurationError(
                variable: "OTEL_BSP_MAX_EXPORT_BATCH_SIZE",
                reason: "is \(maxExportBatchSize), over OTEL_BSP_MAX_QUEUE_SIZE (\(maxQueueSize)): a batch cannot be larger than the queue")
        }
    }

    /// `text` when it is an absolute `http` or `https` URL with a host; the error never repeats it.
    private static func httpURL(_ text: String, variable: String) throws(OTLPConfigurationError) -> String {
        let lower = text.lowercased()
        guard let scheme = ["http://", "https://"].first(where: lower.hasPrefix),
            text.count > scheme.count, !text.contains(" ")
        else {
            throw OTLPConfigurationError(
                variable: variable, reason: "is not an http:// or https:// URL (for example http://collector:4318)")
        }
        return text
    }
}

/// A tracing variable that cannot be honoured: which one and why, without its value.
public struct OTLPConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The variable, for example `OTEL_TRACES_SAMPLER_ARG`.
    public var variable: String
    /// What is wrong and what to set instead.
    public var reason: String

    /// An error about `variable`.
    public init(variable: String, reason: String) {
        self.variable = variable
        self.reason = reason
    }

    /// `VARIABLE: reason`, one line.
    public var description: String { "\(variable): \(reason)" }
}

/// The environment's OpenTelemetry variables: blank counts as unset, values trimmed.
private struct Variables {
    let environment: [String: String]

    subscript(name: String) -> String? {
        guard let value = environment[name]?.trimmed, !value.isEmpty else { return nil }
        return value
    }

    func lowercased(_ name: String) -> String? { self[name]?.lowercased() }

    /// Which of `OTEL_EXPORTER_OTLP_TRACES_<setting>` and `OTEL_EXPORTER_OTLP_<setting>` to read:
    /// the traces-specific one when it is set, as the specification says.
    func exporterName(_ setting: String) -> String {
        let traces = "OTEL_EXPORTER_OTLP_TRACES_\(setting)"
        return self[traces] != nil ? traces : "OTEL_EXPORTER_OTLP_\(setting)"
    }

    /// The exporter `setting` that applies (``exporterName(_:)``) with its value; `nil` when neither is set.
    func exporter(_ setting: String) -> (String, String)? {
        let name = exporterName(setting)
        return self[name].map { (name, $0) }
    }

    /// A W3C-baggage-style list, `key1=value1,key2=value2`, values percent-decoded.
    func keyValueList(_ name: String) throws(OTLPConfigurationError) -> [(key: String, value: String)] {
        guard let text = self[name] else { return [] }
        var pairs: [(key: String, value: String)] = []
        for member in text.split(separator: ",") {
            let parts = member.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = PercentEncoding.strictDecode(parts[1].trimmed),
                !parts[0].trimmed.isEmpty
            else {
                throw OTLPConfigurationError(
                    variable: name, reason: "is not a list of key=value pairs separated by commas (values percent-encoded)")
            }
            pairs.append((key: parts[0].trimmed, value: value))
        }
        return pairs
    }

    func milliseconds(_ name: String, default value: Int) throws(OTLPConfigurationError) -> Duration {
        .milliseconds(try integer(name, default: value, allowsZero: true))
    }

    func count(_ name: String, default value: Int) throws(OTLPConfigurationError) -> Int {
        try integer(name, default: value, allowsZero: false)
    }

    private func integer(_ name: String, default value: Int, allowsZero: Bool) throws(OTLPConfigurationError) -> Int {
        guard let text = self[name] else { return value }
        guard let number = Int(text), number > 0 || (allowsZero && number == 0), number <= 86_400_000 else {
            throw OTLPConfigurationError(
                variable: name, reason: "is not a whole number \(allowsZero ? "from 0" : "from 1") to 86400000")
        }
        return number
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmed: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
