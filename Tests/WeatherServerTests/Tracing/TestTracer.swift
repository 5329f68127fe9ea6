import InMemoryTracing
import Tracing

/// The one in-memory tracer of the test process, bootstrapped as the process's tracer on first
/// use (`InstrumentationSystem` takes one bootstrap per process), so that the spans WeatherCore
/// makes for upstream attempts land in it too. Tests find their own spans by trace id.
enum TestTracer {
    static let shared: InMemoryTracer = {
        let tracer = InMemoryTracer()
        InstrumentationSystem.bootstrap(tracer)
        return tracer
    }()

    /// The finished spans of the trace `traceID`.
    static func spans(ofTrace traceID: String) -> [FinishedInMemorySpan] {
        shared.finishedSpans.filter { $0.traceID == traceID }
    }

    /// Every span name, attribute and event of `spans` as text: what the secrets check reads.
    static func text(of spans: [FinishedInMemorySpan]) -> String {
        var parts: [String] = []
        for span in spans {
            parts.append(span.operationName)
            span.attributes.forEach { key, value in parts.append("\(key)=\(value.text)") }
            for event in span.events {
                parts.append(event.name)
                event.attributes.forEach { key, value in parts.append("\(key)=\(value.text)") }
            }
            for error in span.errors { parts.append("\(error.error)") }
        }
        return parts.joined(separator: "\n")
    }
}

extension FinishedInMemorySpan {
    /// The attribute `key` as text, `nil` when absent.
    func attribute(_ key: String) -> String? {
        attributes.get(key)?.text
    }
}

extension SpanAttribute {
    /// The value as plain text (`200`, `true`, `miss`).
    var text: String {
        switch self {
        case .string(let value): return value
        case .int64(let value): return String(value)
        case .int32(let value): return String(value)
        case .bool(let value): return String(value)
        case .double(let value): return String(value)
        case .stringConvertible(let value): return value.description
        default: return "\(self)"
        }
    }
}
