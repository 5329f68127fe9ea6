import Foundation
public import Logging

/// The service's log handler: one line per event, as text for people or as JSON for log shippers
/// (``LogFormat``), handed to a sink (the command line writes it to stdout unbuffered, one
/// `write(2)` per line, so concurrent lines never interleave and nothing waits in a buffer).
///
/// Written by hand because swift-log ships only the text `StreamLogHandler`, and a JSON-lines
/// handler is a few dozen lines.
public struct ServiceLogHandler: LogHandler {
    /// The lowest level written.
    public var logLevel: Logger.Level
    /// Metadata attached to every line of this logger.
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let format: LogFormat
    private let sink: @Sendable (String) -> Void

    /// A handler writing each finished line (without its newline) to `sink`: the command line's
    /// unbuffered stdout writer, or a capture in tests.
    public init(label: String, level: Logger.Level, format: LogFormat, sink: @escaping @Sendable (String) -> Void) {
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
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let time = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
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

    private static func text(_ value: Logger.MetadataValue) -> String {
        let text = value.description
        return text.contains(" ") || text.isEmpty ? "\"\(text)\"" : text
    }

    private static func json(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let text): return text
        case .stringConvertible(let value): return value.description
        case .array(let values): return values.map(json)
        case .dictionary(let values): return values.mapValues(json)
        }
    }
}
