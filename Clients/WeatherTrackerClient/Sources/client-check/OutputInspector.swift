import OpenAPIRuntime

/// Reads any generated `Operations.<operation>.Output` without naming its type: which documented
/// response it is (`ok`, `notFound`, … or `undocumented`) and what its body decoded into. Raw bodies
/// (pages, assets, metrics) are read to the end, so every answer is received whole.
enum OutputInspector {
    /// What one output holds.
    struct Inspection: Sendable {
        /// The output's case: the generated name of the documented response, or `undocumented`.
        var response: String
        /// The body's content case and the generated type it decoded into, or its size when raw.
        var body: String
    }

    /// The largest raw body read; a page or the metrics are far smaller.
    static let rawBodyLimit = 8 << 20

    /// Inspects `output`, a value of a generated `Output` enum.
    static func inspect(_ output: any Sendable) async throws -> Inspection {
        let mirror = Mirror(reflecting: output)
        guard mirror.displayStyle == .enum, let (label, payload) = mirror.children.first.map({ ($0.label ?? "?", $0.value) }) else {
            return Inspection(response: String(describing: output), body: "")
        }
        guard let body = Mirror(reflecting: payload).children.first(where: { $0.label == "body" })?.value else {
            return Inspection(response: label, body: "no body")
        }
        return Inspection(response: label, body: try await describe(body))
    }

    /// `json Components.Schemas.Health`, or `html 5120 bytes` for a raw body (read to its end).
    private static func describe(_ body: Any) async throws -> String {
        let mirror = Mirror(reflecting: body)
        guard mirror.displayStyle == .enum, let content = mirror.children.first else { return "\(type(of: body))" }
        let name = content.label ?? "?"
        if let raw = content.value as? HTTPBody {
            let bytes = try await [UInt8](collecting: raw, upTo: rawBodyLimit)
            return "\(name) \(bytes.count) bytes"
        }
        return "\(name) \(typeName(of: content.value))"
    }

    /// The value's type without its module: `Components.Schemas.Health`.
    static func typeName(of value: Any) -> String {
        let name = String(reflecting: type(of: value))
        return name.hasPrefix("WeatherTrackerClient.") ? String(name.dropFirst("WeatherTrackerClient.".count)) : name
    }
}
