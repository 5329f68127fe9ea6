import Foundation

/// Fault rules as JSON, the form `PUT /__stub/faults` takes and `GET /__stub/faults` returns:
///
/// ```json
/// [{"fault": "status", "status": 503, "path_prefix": "/data/2.5/weather", "times": 2},
///  {"fault": "rate_limited"},
///  {"fault": "older_observation", "seconds": 3600, "path_prefix": "/data/2.5/weather"},
///  {"fault": "latency", "ms": 250},
///  {"fault": "onecall4_quirk", "quirk": "daily-weather-null", "path_prefix": "/data/4.0/onecall/timeline/1day"}]
/// ```
///
/// Every rule has `fault`, and optionally `path_prefix` (every path when absent) and `times`
/// (until cleared when absent); the fault's own fields are listed in ``FaultRule/jsonFields``.
/// Unknown faults and unknown fields are refused, never ignored.
extension FaultRule {
    /// Each fault's name in JSON and the fields it takes besides `fault`, `path_prefix` and `times`.
    static let jsonFields: [(name: String, fields: [String])] = [
        ("latency", ["ms"]), ("status", ["status"]), ("rate_limited", ["retry_after"]),
        ("truncated_body", []), ("malformed_json", []), ("html_error_page", []),
        ("slow_drip", ["chunk_size", "interval_ms"]), ("connection_reset", []),
        ("older_observation", ["seconds"]), ("onecall4_quirk", ["quirk"]),
    ]

    /// Parses a JSON array of rules.
    ///
    /// - Throws: ``FaultRuleJSONError`` naming the rule and field that is wrong.
    static func rules(fromJSON bytes: [UInt8]) throws(FaultRuleJSONError) -> [FaultRule] {
        let document: Any
        do {
            document = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw FaultRuleJSONError(
                "the body is not JSON: send a JSON array of rules, e.g. "
                    + #"[{"fault":"status","status":503,"times":2}]"#)
        }
        guard let list = document as? [Any] else {
            throw FaultRuleJSONError("expected a JSON array of rules, got \(type(of: document))")
        }
        var rules: [FaultRule] = []
        for (index, element) in list.enumerated() {
            guard let object = element as? [String: Any] else {
                throw FaultRuleJSONError("rule [\(index)] is not an object")
            }
            rules.append(try rule(from: object, at: index))
        }
        return rules
    }

    private static func rule(from object: [String: Any], at index: Int) throws(FaultRuleJSONError) -> FaultRule {
        let fields = JSONFields(object: object, context: "rule [\(index)]")
        guard let name = object["fault"] as? String else {
            throw FaultRuleJSONError("rule [\(index)] has no \"fault\"; one of: \(knownFaults)")
        }
        guard let own = jsonFields.first(where: { $0.name == name })?.fields else {
            throw FaultRuleJSONError("rule [\(index)]: unknown fault \"\(name)\"; one of: \(knownFaults)")
        }
        let allowed = Set(["fault", "path_prefix", "times"] + own)
        if let extra = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw FaultRuleJSONError(
                "rule [\(index)]: unknown field \"\(extra)\" for \"\(name)\"; allowed: "
                    + allowed.sorted().joined(separator: ", "))
        }
        let fault: StubFault
        switch name {
        case "latency": fault = .latency(.milliseconds(try fields.int("ms", in: 0...600_000)))
        case "status": fault = .status(try fields.int("status", in: 100...599))
        case "rate_limited": fault = .rateLimited(retryAfter: try fields.optionalInt("retry_after", in: 0...86_400))
        case "truncated_body": fault = .truncatedBody
        case "malformed_json": fault = .malformedJSON
        case "html_error_page": fault = .htmlErrorPage
        case "slow_drip":
            fault = .slowDrip(
                chunkSize: try fields.int("chunk_size", in: 1...1_000_000),
                interval: .milliseconds(try fields.int("interval_ms", in: 0...60_000)))
        case "connection_reset": fault = .connectionReset
        case "onecall4_quirk":
            let names = OneCall4Quirk.allCases.map(\.rawValue).joined(separator: ", ")
            guard let name = object["quirk"] as? String, let quirk = OneCall4Quirk(rawValue: name) else {
                throw FaultRuleJSONError("rule [\(index)]: \"quirk\" must be one of: \(names)")
            }
            fault = .oneCall4Quirk(quirk)
        default: fault = .olderObservation(seconds: try fields.int("seconds", in: 1...10 * 365 * 86_400))
        }
        var pathPrefix: String?
        if let value = object["path_prefix"], !(value is NSNull) {
            guard let text = value as? String, text.hasPrefix("/") else {
                throw FaultRuleJSONError("rule [\(index)]: \"path_prefix\" must be a path starting with /")
            }
            pathPrefix = text
        }
        let times = try fields.optionalInt("times", in: 1...1_000_000_000)
        return FaultRule(fault, pathPrefix: pathPrefix, times: times)
    }

    private static var knownFaults: String { jsonFields.map(\.name).joined(separator: ", ") }

    /// The rules as a JSON array, in the form ``rules(fromJSON:)`` reads; `times` is what is left.
    static func json(_ rules: [FaultRule]) -> String {
        var writer = JSONWriter()
        writer.beginArray()
        for rule in rules {
            writer.beginObject()
            rule.fault.writeJSONFields(to: &writer)
            if let pathPrefix = rule.pathPrefix { writer.field("path_prefix", pathPrefix) }
            if let remaining = rule.remaining { writer.field("times", remaining) }
            writer.endObject()
        }
        writer.endArray()
        return writer.text
    }
}

extension StubFault {
    /// Writes `fault` and the fault's own fields into the open object.
    fileprivate func writeJSONFields(to writer: inout JSONWriter) {
        switch self {
        case .latency(let delay):
            writer.field("fault", "latency")
            writer.field(
                "ms", Int(delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000))
        case .status(let status):
            writer.field("fault", "status")
            writer.field("status", status)
        case .rateLimited(let retryAfter):
            writer.field("fault", "rate_limited")
            if let retryAfter { writer.field("retry_after", retryAfter) }
        case .truncatedBody: writer.field("fault", "truncated_body")
        case .malformedJSON: writer.field("fault", "malformed_json")
        case .htmlErrorPage: writer.field("fault", "html_error_page")
        case .slowDrip(let chunkSize, let interval):
            writer.field("fault", "slow_drip")
            writer.field("chunk_size", chunkSize)
            writer.field(
                "interval_ms",
                Int(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000))
        case .connectionReset: writer.field("fault", "connection_reset")
        case .olderObservation(let seconds):
            writer.field("fault", "older_observation")
            writer.field("seconds", seconds)
        case .oneCall4Quirk(let quirk):
            writer.field("fault", "onecall4_quirk")
            writer.field("quirk", quirk.rawValue)
        }
    }
}

/// A fault rule in JSON that the stub refuses; the message says which rule and field, and why.
struct FaultRuleJSONError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Reads integer fields of one JSON object, with range checks and messages naming the field.
private struct JSONFields {
    let object: [String: Any]
    let context: String

    func int(_ name: String, in range: ClosedRange<Int>) throws(FaultRuleJSONError) -> Int {
        guard let value = try optionalInt(name, in: range) else {
            throw FaultRuleJSONError("\(context): \"\(name)\" is required")
        }
        return value
    }

    func optionalInt(_ name: String, in range: ClosedRange<Int>) throws(FaultRuleJSONError) -> Int? {
        guard let raw = object[name], !(raw is NSNull) else { return nil }
        guard let number = raw as? NSNumber, number.doubleValue.rounded() == number.doubleValue,
            range.contains(number.intValue)
        else {
            throw FaultRuleJSONError(
                "\(context): \"\(name)\" must be a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return number.intValue
    }
}
