import Foundation
import WeatherServerCore
import WeatherPages

/// The JSON Schemas of the bodies the service writes, derived from the Swift types that write them.
///
/// Every body type is `Codable`, and its `Decodable` side names exactly the members its `Encodable`
/// side writes (synthesized from the same coding keys, or written beside the encoder). A
/// ``SchemaDecoder`` "decodes" a type without any JSON: each member the type asks for is recorded
/// with its type, as required (`decode`) or optional (`decodeIfPresent`), and keys are converted
/// to snake_case as ``ServiceJSON`` writes them. So a model's schema cannot drift from the model:
/// add a property and the document has it. Named types become components (`$ref`); scalars,
/// dates and `CaseIterable` enums are written inline.
///
/// Not `Sendable`: one catalog is filled while ``OpenAPIDocument`` builds the document, once.
final class SchemaCatalog {
    /// The named schemas, by component name.
    private(set) var components: [String: [String: Any]] = [:]
    /// The type each component name was made from.
    private var owners: [String: ObjectIdentifier] = [:]

    /// The schema of `type`: `{"$ref": …}` for a struct, inline for anything else.
    func schema(for type: any Decodable.Type) -> [String: Any] {
        (try? record(type).schema) ?? [:]
    }

    /// A value of `type` (as a ``SchemaDecoder`` hands one to the initializer decoding it) and the schema of `type`.
    func record<T: Decodable>(_ type: T.Type) throws -> (value: T, schema: [String: Any]) {
        if let scalar = ScalarSchema(type) { return (try scalar.value(as: type), scalar.schema) }
        if let choices = type as? any CaseIterable.Type, let (first, values) = Self.cases(of: choices), let value = first as? T {
            return (value, ["type": "string", "enum": values])
        }
        let name = Self.componentName(of: type)
        if let owner = owners[name], owner != ObjectIdentifier(type) {
            preconditionFailure("Two body types are both named \(name) in the OpenAPI document: rename one.")
        }
        owners[name] = ObjectIdentifier(type)
        let decoder = SchemaDecoder(catalog: self)
        let value = try T(from: decoder)
        let schema = decoder.schema
        guard schema["type"] as? String == "object", schema["properties"] != nil else { return (value, schema) }
        components[name] = schema
        return (value, ["$ref": "#/components/schemas/\(name)"])
    }

    /// The first case and the raw values of a `CaseIterable` type whose cases are strings.
    private static func cases<C: CaseIterable>(of type: C.Type) -> (first: Any, values: [String])? {
        let values = type.allCases.compactMap { ($0 as? any RawRepresentable)?.rawValue as? String }
        guard let first = type.allCases.first, values.count == type.allCases.count else { return nil }
        return (first, values)
    }

    /// A component name for `type`: its own name and its generic arguments', written together
    /// (`HealthResponder.ReadyDocument` → `ReadyDocument`, `LookupEnvelope<CurrentWeather>` →
    /// `LookupEnvelopeCurrentWeather`).
    static func componentName(of type: Any.Type) -> String {
        let name = String(reflecting: type).replacing(/[A-Za-z0-9_]+\./, with: "")
        return String(name.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}

/// The schema of a JSON scalar and the value a ``SchemaDecoder`` hands out for it.
struct ScalarSchema {
    var schema: [String: Any]
    private var placeholder: Any

    /// The scalar `type` is written as, or `nil` for a type that writes a structure.
    init?(_ type: Any.Type) {
        switch type {
        case is String.Type: (schema, placeholder) = (["type": "string"], "")
        case is Bool.Type: (schema, placeholder) = (["type": "boolean"], false)
        case is Double.Type: (schema, placeholder) = (["type": "number"], 0.0)
        case is Float.Type: (schema, placeholder) = (["type": "number"], Float(0))
        case is Int.Type: (schema, placeholder) = (["type": "integer"], 0)
        case is Int64.Type: (schema, placeholder) = (["type": "integer"], Int64(0))
        case is Int32.Type: (schema, placeholder) = (["type": "integer"], Int32(0))
        case is UInt.Type: (schema, placeholder) = (["type": "integer", "minimum": 0], UInt(0))
        case is UInt64.Type: (schema, placeholder) = (["type": "integer", "minimum": 0], UInt64(0))
        // ServiceJSON writes dates as ISO 8601 (`.iso8601`), whole seconds in UTC.
        case is Date.Type: (schema, placeholder) = (["type": "string", "format": "date-time"], Date(timeIntervalSince1970: 0))
        case is URL.Type: (schema, placeholder) = (["type": "string", "format": "uri"], URL(fileURLWithPath: "/"))
        default: return nil
        }
    }

    /// The placeholder as `type`.
    func value<T>(as type: T.Type) throws -> T {
        guard let value = placeholder as? T else {
            throw DecodingError.typeMismatch(type, DecodingError.Context(codingPath: [], debugDescription: "Not a scalar."))
        }
        return value
    }
}
