import Foundation
public import Logging
public import WeatherServerCore
import WeatherPages

/// The service's log handler: one line per event, as text for people or as JSON for log shippers
/// (`LogFormat`), handed to a sink (the command line writes it to stdout unbuffered, one
/// `write(2)` per line, so concurrent lines never interleave and nothing waits in a buffer).
///
/// Every line carries an RFC 3339 UTC timestamp (`2026-12-07T01:02:03.456Z`). In JSON lines,
/// number and boolean metadata (`.stringConvertible(503)`, `.stringConvertible(true)`) are JSON
/// numbers and booleans, so a log shipper can compare and sum them; other values are strings.
///
/// Written by hand because swift-log ships only the text `StreamLogHandler`, and a JSON-lines
/// handler is a few dozen lines.
public struct ServiceLogHandler: LogHandler {
    /// The lowest level written.
    public var logLevel: Logger.Level
    /// Metadata attached to every line of this logger.
    public var metadata: Logger.Metadata = [:]
    /// Metadata read when each line is written: the current span's `trace_id` and `span_id`
    /// (`Logger.MetadataProvider.traceContext` of OTLPTracing) when tracing is on.
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let format: LogFormat
    private let sink: @Sendable (String) -> Void

    /// A handler writing each finished line (without its newline) to `sink`: the command line's
    /// unbuffered stdout writer, or a capture in tests.
    public init(
        label: String, level: Logger.Level, format: LogFormat, metadataProvider: Logger.MetadataProvider? = nil,
        sink: @escaping @Sendable (String) -> Void
    ) {
        self.metadataProvider = metadataProvider
        self.label = label
        self.logLevel = level
        self.format = format
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let time = Date().formatted(Self.timestampStyle)
        let line: String
        switch format {
        case .text:
            let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.text($0.value))" }
            line = ([time, event.level.rawValue, "\(label):", event.message.description] + fields).joined(separator: " ")
        case .json:
            var object: [String: Any] = ["time": time, "level": event.level.rawValue, "logger": label]
            object["message"] = event.message.description
            for (key, value) in merged where object[key] == nil { object[key] = Self.json(value) }
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            line = data.map { String(decoding: $0, as: UTF8.self) } ?? #"{"message":"unencodable log line"}"#
        }
        sink(line)
    }

    /// RFC 3339 in UTC with milliseconds and `Z` (`2026-12-07T01:02:03.456Z`): unambiguous to a
    /// log shipper whatever the host's zone.
    static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    private static func text(_ value: Logger.MetadataValue) -> String {
        let text = value.description
        return text.contains(" ") || text.isEmpty ? "\"\(text)\"" : text
    }

    private static func json(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let text): return text
        case .stringConvertible(let value): return jsonScalar(value)
        case .array(let values): return values.map(json)
        case .dictionary(let values): return values.mapValues(json)
        }
    }

    /// A number as a JSON number and a boolean as a JSON boolean (log shippers then compare and sum
    /// them without a parse); everything else, and non-finite floats JSON cannot write, as its text.
    private static func jsonScalar(_ value: any CustomStringConvertible & Sendable) -> Any {
        switch value {
        case let flag as Bool:
            return flag
        case let integer as any BinaryInteger:
            if let exact = Int(exactly: integer) { return exact }
            return value.description
        case let number as any BinaryFloatingPoint:
            let double = Double(number)
            return double.isFinite ? double : value.description
        default:
            return value.description
        }
    }
}
