import XCTest

/// A protobuf message decoded one level: its fields in order. Nested messages are `bytes`, decoded
/// again with ``init(_:)``. Written for the tests, independently of the encoder.
struct ProtobufFields {
    enum Value: Equatable {
        case varint(UInt64), fixed64(UInt64), fixed32(UInt32), bytes([UInt8])
    }

    struct Malformed: Error {}

    var fields: [(number: Int, value: Value)] = []

    init(_ bytes: [UInt8]) throws {
        var index = 0
        func varint() throws -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard index < bytes.count, shift < 64 else { throw Malformed() }
                let byte = bytes[index]
                index += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return result }
                shift += 7
            }
        }
        func take(_ count: Int) throws -> [UInt8] {
            guard count >= 0, index + count <= bytes.count else { throw Malformed() }
            defer { index += count }
            return Array(bytes[index..<index + count])
        }
        func little<T: FixedWidthInteger>(_ raw: [UInt8], as: T.Type) -> T {
            raw.reversed().reduce(T(0)) { $0 << 8 | T($1) }
        }
        while index < bytes.count {
            let key = try varint()
            let number = Int(key >> 3)
            switch key & 7 {
            case 0: fields.append((number, .varint(try varint())))
            case 1: fields.append((number, .fixed64(little(try take(8), as: UInt64.self))))
            case 2: fields.append((number, .bytes(try take(Int(try varint())))))
            case 5: fields.append((number, .fixed32(little(try take(4), as: UInt32.self))))
            default: throw Malformed()
            }
        }
    }

    /// Every value of field `number`.
    func all(_ number: Int) -> [Value] { fields.filter { $0.number == number }.map(\.value) }

    /// The nested messages in field `number`.
    func messages(_ number: Int) throws -> [ProtobufFields] {
        try all(number).map { value in
            guard case .bytes(let bytes) = value else { throw Malformed() }
            return try ProtobufFields(bytes)
        }
    }

    /// The one nested message in field `number`.
    func message(_ number: Int, file: StaticString = #filePath, line: UInt = #line) throws -> ProtobufFields {
        let found = try messages(number)
        XCTAssertEqual(found.count, 1, "field \(number)", file: file, line: line)
        return try XCTUnwrap(found.first, file: file, line: line)
    }

    func string(_ number: Int) -> String? {
        guard case .bytes(let bytes) = all(number).last else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    func bytes(_ number: Int) -> [UInt8]? {
        guard case .bytes(let bytes) = all(number).last else { return nil }
        return bytes
    }

    func varint(_ number: Int) -> UInt64? {
        guard case .varint(let value) = all(number).last else { return nil }
        return value
    }

    func fixed64(_ number: Int) -> UInt64? {
        guard case .fixed64(let value) = all(number).last else { return nil }
        return value
    }

    /// `KeyValue` messages in field `number` as key → `AnyValue` fields.
    func attributes(_ number: Int) throws -> [String: ProtobufFields] {
        var result: [String: ProtobufFields] = [:]
        for keyValue in try messages(number) {
            result[keyValue.string(1) ?? ""] = try keyValue.message(2)
        }
        return result
    }
}
