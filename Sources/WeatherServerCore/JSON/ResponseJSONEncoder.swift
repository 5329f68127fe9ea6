package import Foundation

/// A JSON encoder for the service's responses that writes straight into one byte array: the same
/// bytes as Foundation's `JSONEncoder` configured as ``ServiceJSON`` does (sorted keys, snake_case,
/// ISO 8601 dates, slashes unescaped), at a fraction of its cost — Foundation's builds a tree of
/// values, converts every key on every encode and serializes the tree in a second pass, which
/// made up ~15 % of a miss's CPU.
///
/// Written by hand because no mirrored library encodes `Encodable` values to JSON other than
/// Foundation. It follows the Codable API as synthesized conformances and WeatherCore's own
/// conformances use it; for anything else (see ``JSONOutput``) ``encode(_:userInfo:)`` returns
/// `nil` and ``ServiceJSON`` encodes with Foundation instead. `ResponseJSONEncoderTests` checks
/// byte equality with Foundation on every response type.
package enum ResponseJSONEncoder {
    /// The JSON of `value`, or `nil` when it needs Foundation's encoder.
    package static func encode(_ value: some Encodable, userInfo: [CodingUserInfoKey: Any]) -> [UInt8]? {
        let output = JSONOutput(userInfo: userInfo)
        let encoder = SlotEncoder(output: output, slot: .root)
        guard (try? encoder.encodeValue(value)) != nil, !output.unsupported, encoder.wroteValue else { return nil }
        output.finish()
        return output.unsupported ? nil : output.bytes
    }
}

/// Where one value goes: the top level, a member of an open object, or an element of an open array.
package enum JSONSlot {
    case root
    case member(JSONOutput.Handle, name: String, bytes: [UInt8])
    case element(JSONOutput.Handle)
}

/// The `Encoder` for one slot: begins it (comma, key) when the value writes its first byte.
///
/// Coding paths are not tracked (`codingPath` is always empty): they only serve error messages,
/// and a value whose encoding throws is encoded again by Foundation, which reports the path.
package final class SlotEncoder: Encoder {
    package let output: JSONOutput
    package let slot: JSONSlot
    package var codingPath: [any CodingKey] { [] }
    package var userInfo: [CodingUserInfoKey: Any] { output.userInfo }
    /// Whether the slot has been begun (a value written, or a container opened).
    private(set) var wroteValue = false
    private var keyed: JSONOutput.Handle?

    package init(output: JSONOutput, slot: JSONSlot) {
        self.output = output
        self.slot = slot
    }

    /// Begins the slot; `false` when it was begun already or its container has closed.
    package func begin() -> Bool {
        guard !wroteValue else {
            output.unsupported = true
            return false
        }
        wroteValue = true
        switch slot {
        case .root: return !output.unsupported
        case .member(let handle, let name, let bytes): return output.beginMember(handle, key: name, keyBytes: bytes)
        case .element(let handle): return output.beginElement(handle)
        }
    }

    package func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if let keyed {
            // A second request for the keyed container of this value: the same object.
            return KeyedEncodingContainer(KeyedJSONContainer<Key>(output: output, handle: keyed))
        }
        let handle = begin() ? output.open(object: true) : JSONOutput.Handle(depth: Int.max, id: -1)
        keyed = handle
        return KeyedEncodingContainer(KeyedJSONContainer<Key>(output: output, handle: handle))
    }

    package func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let handle = begin() ? output.open(object: false) : JSONOutput.Handle(depth: Int.max, id: -1)
        return UnkeyedJSONContainer(output: output, handle: handle)
    }

    package func singleValueContainer() -> any SingleValueEncodingContainer { SingleJSONContainer(encoder: self) }

    /// Writes `value` into this slot: scalars directly, the types JSONEncoder treats specially as
    /// it does (or not at all), everything else through its `encode(to:)`. Types are compared by
    /// metatype (a pointer comparison), not cast: most values are not scalars.
    package func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == String.self { return write { JSONScalars.append(string: unsafeBitCast(value, to: String.self), to: &$0) } }
        if T.self == Double.self {
            return writeChecked { JSONScalars.append(double: unsafeBitCast(value, to: Double.self), to: &$0) }
        }
        if T.self == Int.self { return write { $0.append(contentsOf: String(unsafeBitCast(value, to: Int.self)).utf8) } }
        if T.self == Bool.self {
            return write { $0.append(contentsOf: (unsafeBitCast(value, to: Bool.self) ? "true" : "false").utf8) }
        }
        if T.self == Date.self { return write { JSONScalars.append(date: unsafeBitCast(value, to: Date.self), to: &$0) } }
        if T.self == URL.self || T.self == Data.self || T.self == Decimal.self || T.self is any StringKeyedDictionary.Type {
            output.unsupported = true
            return
        }
        try value.encode(to: self)
        // A nested value that wrote nothing is `{}` in JSONEncoder; leave such values to it.
        if !wroteValue { output.unsupported = true }
    }

    package func write(_ body: (inout [UInt8]) -> Void) {
        guard begin() else { return }
        body(&output.bytes)
    }

    package func writeChecked(_ body: (inout [UInt8]) -> Bool) {
        guard begin() else { return }
        if !body(&output.bytes) { output.unsupported = true }
    }
}

/// `[String: Value]`, which JSONEncoder writes without converting its keys.
package protocol StringKeyedDictionary {}
extension Dictionary: StringKeyedDictionary where Key == String {}

package struct KeyedJSONContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    package let output: JSONOutput
    package let handle: JSONOutput.Handle
    package var codingPath: [any CodingKey] { [] }

    private func slot(_ key: Key) -> SlotEncoder {
        let member = SnakeCaseKeys.member(key.stringValue)
        return SlotEncoder(output: output, slot: .member(handle, name: member.name, bytes: member.bytes))
    }

    package mutating func encodeNil(forKey key: Key) throws { slot(key).write { $0.append(contentsOf: "null".utf8) } }
    package mutating func encode(_ value: Bool, forKey key: Key) throws { try slot(key).encodeValue(value) }
    package mutating func encode(_ value: String, forKey key: Key) throws {
        slot(key).write { JSONScalars.append(string: value, to: &$0) }
    }
    package mutating func encode(_ value: Double, forKey key: Key) throws {
        slot(key).writeChecked { JSONScalars.append(double: value, to: &$0) }
    }
    package mutating func encode(_ value: Float, forKey key: Key) throws {
        slot(key).writeChecked { JSONScalars.append(float: value, to: &$0) }
    }
    package mutating func encode(_ value: Int, forKey key: Key) throws { slot(key).write { $0.append(contentsOf: String(value).utf8) } }
    package mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeInteger(value, key) }
    package mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeInteger(value, key) }
    package mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeInteger(value, key) }
    package mutating func encode(_ value: Int64, forKey key: Key) throws { try encodeInteger(value, key) }
    package mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeInteger(value, key) }
    package mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeInteger(value, key) }
    package mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeInteger(value, key) }
    package mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeInteger(value, key) }
    package mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeInteger(value, key) }
    package mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try slot(key).encodeValue(value) }

    private func encodeInteger(_ value: some BinaryInteger, _ key: Key) throws {
        slot(key).write { $0.append(contentsOf: String(value).utf8) }
    }

    package mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        slot(key).container(keyedBy: keyType)
    }

    package mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        slot(key).unkeyedContainer()
    }

    package mutating func superEncoder() -> any Encoder { unsupportedEncoder() }
    package mutating func superEncoder(forKey key: Key) -> any Encoder { unsupportedEncoder() }

    private func unsupportedEncoder() -> any Encoder {
        output.unsupported = true
        return SlotEncoder(output: output, slot: .root)
    }
}

package struct UnkeyedJSONContainer: UnkeyedEncodingContainer {
    package let output: JSONOutput
    package let handle: JSONOutput.Handle
    package var codingPath: [any CodingKey] { [] }
    package var count: Int { output.count(handle) }

    private func slot() -> SlotEncoder { SlotEncoder(output: output, slot: .element(handle)) }

    package mutating func encodeNil() throws { slot().write { $0.append(contentsOf: "null".utf8) } }
    package mutating func encode(_ value: String) throws { slot().write { JSONScalars.append(string: value, to: &$0) } }
    package mutating func encode(_ value: Double) throws { slot().writeChecked { JSONScalars.append(double: value, to: &$0) } }
    package mutating func encode(_ value: Int) throws { slot().write { $0.append(contentsOf: String(value).utf8) } }
    package mutating func encode<T: Encodable>(_ value: T) throws { try slot().encodeValue(value) }

    package mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        slot().container(keyedBy: keyType)
    }

    package mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { slot().unkeyedContainer() }

    package mutating func superEncoder() -> any Encoder {
        output.unsupported = true
        return SlotEncoder(output: output, slot: .root)
    }
}

package struct SingleJSONContainer: SingleValueEncodingContainer {
    package let encoder: SlotEncoder
    package var codingPath: [any CodingKey] { encoder.codingPath }

    package mutating func encodeNil() throws { encoder.write { $0.append(contentsOf: "null".utf8) } }
    package mutating func encode(_ value: String) throws { encoder.write { JSONScalars.append(string: value, to: &$0) } }
    package mutating func encode(_ value: Double) throws {
        encoder.writeChecked { JSONScalars.append(double: value, to: &$0) }
    }
    package mutating func encode(_ value: Float) throws { encoder.writeChecked { JSONScalars.append(float: value, to: &$0) } }
    package mutating func encode(_ value: Int) throws { encoder.write { $0.append(contentsOf: String(value).utf8) } }
    package mutating func encode(_ value: Bool) throws { try encoder.encodeValue(value) }
    package mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
}
