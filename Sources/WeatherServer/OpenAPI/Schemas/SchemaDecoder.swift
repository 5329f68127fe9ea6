import Foundation
import WeatherServerCore
import WeatherPages

/// A `Decoder` that reads no JSON: it records what a type asks for, for ``SchemaCatalog``.
///
/// Each member asked for becomes a property of the recorded object schema, under the snake_case
/// name ``ServiceJSON`` writes it with (``SnakeCaseKeys``), required when asked with `decode` and
/// optional with `decodeIfPresent`; its value is a placeholder (zero, empty, a type's first case),
/// so the type's initializer runs to its end and names every member. An unkeyed container yields
/// one element (the array's `items`); a keyed container whose `allKeys` is read (a dictionary, or
/// ``WeatherCore/LocalNames``) yields one key and becomes a map (`additionalProperties`).
final class SchemaDecoder: Decoder {
    /// The key a map's one recorded entry is recorded under.
    static let mapKey = "*"

    let catalog: SchemaCatalog
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private enum Shape {
        case unknown
        case object(properties: [String: [String: Any]], required: Set<String>, isMap: Bool)
        case array(items: [String: Any])
        case single([String: Any])
    }

    private var shape = Shape.unknown
    /// Members and elements decoded through nested containers: their schemas are complete only
    /// once the initializer returns, so they are read when ``schema`` is.
    private var nestedMembers: [(name: String, decoder: SchemaDecoder)] = []
    private var nestedElement: SchemaDecoder?

    init(catalog: SchemaCatalog) {
        self.catalog = catalog
    }

    /// The schema recorded so far.
    var schema: [String: Any] {
        switch shape {
        case .unknown: return [:]
        case .single(let schema): return schema
        case .array(let items): return ["type": "array", "items": nestedElement?.schema ?? items]
        case .object(var properties, let required, let isMap):
            for (name, child) in nestedMembers { properties[name] = child.schema }
            if isMap { return ["type": "object", "additionalProperties": properties[Self.mapKey] ?? [:]] }
            var schema: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
            if !required.isEmpty { schema["required"] = required.sorted() }
            return schema
        }
    }

    /// Records `schema` as the member `name` of the object being decoded.
    func recordMember(_ name: String, _ schema: [String: Any], required: Bool) {
        guard case .object(var properties, var requiredNames, let isMap) = shape else {
            shape = .object(properties: [name: schema], required: required ? [name] : [], isMap: false)
            return
        }
        properties[name] = schema
        if required { requiredNames.insert(name) }
        shape = .object(properties: properties, required: requiredNames, isMap: isMap)
    }

    func markMap() {
        if case .object(let properties, let required, _) = shape {
            shape = .object(properties: properties, required: required, isMap: true)
        } else {
            shape = .object(properties: [:], required: [], isMap: true)
        }
    }

    /// A decoder for the member `name`, decoded through a nested container.
    func recordNested(_ name: String, _ child: SchemaDecoder) {
        recordMember(name, [:], required: true)
        nestedMembers.append((name, child))
    }

    /// A decoder for the elements, decoded through nested containers.
    func nestedItems() -> SchemaDecoder {
        let child = SchemaDecoder(catalog: catalog)
        nestedElement = child
        shape = .array(items: [:])
        return child
    }

    func recordItems(_ schema: [String: Any]) { shape = .array(items: schema) }
    func recordSingle(_ schema: [String: Any]) { shape = .single(schema) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if case .unknown = shape { shape = .object(properties: [:], required: [], isMap: false) }
        return KeyedDecodingContainer(KeyedSchemaContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        if case .unknown = shape { shape = .array(items: [:]) }
        return UnkeyedSchemaContainer(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleSchemaContainer(decoder: self) }
}

/// The member name ``ServiceJSON`` writes for `key`.
private func memberName(_ key: some CodingKey) -> String {
    key.stringValue == SchemaDecoder.mapKey ? SchemaDecoder.mapKey : SnakeCaseKeys.member(key.stringValue).name
}

private struct KeyedSchemaContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: SchemaDecoder
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        decoder.markMap()
        return Key(stringValue: SchemaDecoder.mapKey).map { [$0] } ?? []
    }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    private func take<T: Decodable>(_ type: T.Type, _ key: Key, required: Bool) throws -> T {
        let (value, schema) = try decoder.catalog.record(type)
        decoder.recordMember(memberName(key), schema, required: required)
        return value
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try take(type, key, required: true) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try take(type, key, required: true) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try take(type, key, required: true) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try take(type, key, required: true) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try take(type, key, required: true) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try take(type, key, required: true) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try take(type, key, required: true) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try take(type, key, required: true) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try take(type, key, required: true) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try take(type, key, required: true) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try take(type, key, required: true) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try take(type, key, required: true) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try take(type, key, required: true) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try take(type, key, required: true) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try take(type, key, required: true) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try take(type, key, required: false) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try take(type, key, required: false) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try take(type, key, required: false) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try take(type, key, required: false) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try take(type, key, required: false) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try take(type, key, required: false) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try take(type, key, required: false) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try take(type, key, required: false) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try take(type, key, required: false) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try take(type, key, required: false) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try take(type, key, required: false) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try take(type, key, required: false) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try take(type, key, required: false) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try take(type, key, required: false) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try take(type, key, required: false) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try nested(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try nested(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder { nested(nil) }
    func superDecoder(forKey key: Key) throws -> any Decoder { nested(key) }

    /// A decoder for a member decoded through a nested container.
    private func nested(_ key: Key?) -> SchemaDecoder {
        let child = SchemaDecoder(catalog: decoder.catalog)
        decoder.recordNested(key.map(memberName) ?? "super", child)
        return child
    }
}

private struct UnkeyedSchemaContainer: UnkeyedDecodingContainer {
    let decoder: SchemaDecoder
    var codingPath: [any CodingKey] { [] }
    var count: Int? { nil }
    var isAtEnd: Bool { currentIndex > 0 }
    var currentIndex = 0

    mutating func decodeNil() throws -> Bool { false }

    private mutating func take<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, schema) = try decoder.catalog.record(type)
        decoder.recordItems(schema)
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try take(type) }
    mutating func decode(_ type: String.Type) throws -> String { try take(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try take(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try take(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try take(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try take(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try take(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try take(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try take(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try take(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try take(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try take(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try take(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try take(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try take(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        return try decoder.nestedItems().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        return try decoder.nestedItems().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        currentIndex += 1
        return decoder.nestedItems()
    }
}

private struct SingleSchemaContainer: SingleValueDecodingContainer {
    let decoder: SchemaDecoder
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }

    private func take<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, schema) = try decoder.catalog.record(type)
        decoder.recordSingle(schema)
        return value
    }

    func decode(_ type: Bool.Type) throws -> Bool { try take(type) }
    func decode(_ type: String.Type) throws -> String { try take(type) }
    func decode(_ type: Double.Type) throws -> Double { try take(type) }
    func decode(_ type: Float.Type) throws -> Float { try take(type) }
    func decode(_ type: Int.Type) throws -> Int { try take(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try take(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try take(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try take(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try take(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try take(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try take(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try take(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try take(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try take(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try take(type) }
}
