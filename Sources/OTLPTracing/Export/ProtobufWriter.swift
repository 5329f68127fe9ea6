/// Protocol Buffers' wire format, as much of it as the OTLP trace messages use: varints,
/// fixed-width numbers, and length-delimited bytes, strings and nested messages.
///
/// Written by hand rather than generated with swift-protobuf: the one message this module sends
/// (`ExportTraceServiceRequest`) needs six wire operations, and swift-protobuf (with its generated
/// code) would add megabytes to the service's binary for them. The encoding is checked against
/// `opentelemetry-proto`'s decoder in CI (scripts/otel-e2e.sh).
struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    private enum WireType: UInt64 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5
    }

    private mutating func tag(_ field: UInt64, _ type: WireType) {
        varint(field << 3 | type.rawValue)
    }

    private mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// An unsigned or enum field; zero (the default) is left out, as proto3 does.
    mutating func uint(_ field: UInt64, _ value: UInt64) {
        guard value != 0 else { return }
        tag(field, .varint)
        varint(value)
    }

    /// An `int64` field (negative numbers take ten bytes, two's complement); written even when zero,
    /// for values inside a `oneof`.
    mutating func int64(_ field: UInt64, _ value: Int64) {
        tag(field, .varint)
        varint(UInt64(bitPattern: value))
    }

    /// A `bool` field, written even when false (inside a `oneof`).
    mutating func bool(_ field: UInt64, _ value: Bool) {
        tag(field, .varint)
        varint(value ? 1 : 0)
    }

    /// A `fixed64` field; zero is left out.
    mutating func fixed64(_ field: UInt64, _ value: UInt64) {
        guard value != 0 else { return }
        tag(field, .fixed64)
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A `fixed32` field; zero is left out.
    mutating func fixed32(_ field: UInt64, _ value: UInt32) {
        guard value != 0 else { return }
        tag(field, .fixed32)
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A `double` field, written even when zero (inside a `oneof`).
    mutating func double(_ field: UInt64, _ value: Double) {
        tag(field, .fixed64)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A `bytes` field; empty is left out unless `always`.
    mutating func bytes(_ field: UInt64, _ value: some Collection<UInt8>, always: Bool = false) {
        guard always || !value.isEmpty else { return }
        tag(field, .lengthDelimited)
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// A `string` field; empty is left out unless `always` (a string inside a `oneof`).
    mutating func string(_ field: UInt64, _ value: String, always: Bool = false) {
        bytes(field, value.utf8, always: always)
    }

    /// A nested message (written even when empty: its presence can mean something).
    mutating func message(_ field: UInt64, _ body: (inout ProtobufWriter) -> Void) {
        var nested = ProtobufWriter()
        body(&nested)
        bytes(field, nested.bytes, always: true)
    }
}
