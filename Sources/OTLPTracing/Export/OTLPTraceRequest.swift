import Tracing
import W3CTraceContext

/// The body of an OTLP/HTTP trace export: an `ExportTraceServiceRequest`
/// (opentelemetry-proto `collector/trace/v1`) in protobuf's wire format, holding one resource,
/// one instrumentation scope and the spans of one batch.
struct OTLPTraceRequest {
    /// The resource's attributes, `service.name` first.
    var resource: [(key: String, value: String)]
    /// The instrumentation scope's name and version.
    var scope: (name: String, version: String)

    /// The encoded request carrying `spans`.
    func encode(_ spans: some Sequence<FinishedSpan>) -> [UInt8] {
        var request = ProtobufWriter()
        request.message(1) { resourceSpans in  // ExportTraceServiceRequest.resource_spans
            resourceSpans.message(1) { resource in  // ResourceSpans.resource
                for (key, value) in self.resource {
                    resource.message(1) { $0.keyValue(key, .string(value)) }  // Resource.attributes
                }
            }
            resourceSpans.message(2) { scopeSpans in  // ResourceSpans.scope_spans
                scopeSpans.message(1) { scope in  // ScopeSpans.scope
                    scope.string(1, self.scope.name)
                    scope.string(2, self.scope.version)
                }
                for span in spans {
                    scopeSpans.message(2) { $0.span(span) }  // ScopeSpans.spans
                }
            }
        }
        return request.bytes
    }
}

extension ProtobufWriter {
    /// The fields of a `Span`.
    fileprivate mutating func span(_ span: FinishedSpan) {
        bytes(1, span.context.traceID.byteArray)
        bytes(2, span.context.spanID.byteArray)
        string(3, span.context.traceStateHeaderValue ?? "")
        if let parent = span.parentSpanID { bytes(4, parent.byteArray) }
        string(5, span.operationName)
        uint(6, span.kind.otlpValue)
        fixed64(7, span.startNanoseconds)
        fixed64(8, span.endNanoseconds)
        attributes(9, span.attributes)
        for event in span.events {
            message(11) { event_ in
                event_.fixed64(1, event.nanosecondsSinceEpoch)
                event_.string(2, event.name)
                event_.attributes(3, event.attributes)
            }
        }
        for link in span.links {
            message(13) { link_ in
                link_.bytes(1, link.context.traceID.byteArray)
                link_.bytes(2, link.context.spanID.byteArray)
                link_.string(3, link.context.traceStateHeaderValue ?? "")
                link_.attributes(4, link.attributes)
                link_.fixed32(6, UInt32(link.context.flags.rawValue))
            }
        }
        if let status = span.status {
            message(15) { status_ in
                status_.string(2, status.message ?? "")
                status_.uint(3, status.code == .ok ? 1 : 2)
            }
        }
        fixed32(16, UInt32(span.context.flags.rawValue))
    }

    /// Each attribute as a `KeyValue` in `field`.
    fileprivate mutating func attributes(_ field: UInt64, _ attributes: SpanAttributes) {
        attributes.forEach { key, value in
            message(field) { $0.keyValue(key, value) }
        }
    }

    /// A `KeyValue`'s fields: the key, and the value as an `AnyValue` (arrays as `ArrayValue`).
    fileprivate mutating func keyValue(_ key: String, _ value: SpanAttribute) {
        string(1, key)
        message(2) { $0.anyValue(value) }
    }

    private mutating func anyValue(_ value: SpanAttribute) {
        func array<Element>(_ elements: [Element], _ write: @escaping (inout ProtobufWriter, Element) -> Void) {
            message(5) { array in
                for element in elements { array.message(1) { write(&$0, element) } }
            }
        }
        switch value {
        case .string(let text): string(1, text, always: true)
        case .bool(let flag): bool(2, flag)
        case .int32(let number): int64(3, Int64(number))
        case .int64(let number): int64(3, number)
        case .double(let number): double(4, number)
        case .stringConvertible(let convertible): string(1, convertible.description, always: true)
        case .stringArray(let texts): array(texts) { $0.string(1, $1, always: true) }
        case .boolArray(let flags): array(flags) { $0.bool(2, $1) }
        case .int32Array(let numbers): array(numbers) { $0.int64(3, Int64($1)) }
        case .int64Array(let numbers): array(numbers) { $0.int64(3, $1) }
        case .doubleArray(let numbers): array(numbers) { $0.double(4, $1) }
        case .stringConvertibleArray(let items): array(items) { $0.string(1, $1.description, always: true) }
        default: string(1, "\(value)", always: true)
        }
    }
}

extension SpanKind {
    /// OTLP's `Span.SpanKind` number.
    fileprivate var otlpValue: UInt64 {
        switch self {
        case .internal: 1
        case .server: 2
        case .client: 3
        case .producer: 4
        case .consumer: 5
        }
    }
}

extension TraceID {
    /// The 16 bytes, in order.
    var byteArray: [UInt8] { withUnsafeBytes(of: bytes) { Array($0) } }
}

extension SpanID {
    /// The 8 bytes, in order.
    var byteArray: [UInt8] { withUnsafeBytes(of: bytes) { Array($0) } }
}
