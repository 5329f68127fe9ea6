import Foundation

/// A JSON Schema check for the subset of 2020-12 the service's document uses (`$ref`, `type`,
/// `properties`, `required`, `additionalProperties`, `items`, `enum`, `const`, `anyOf`, `oneOf`,
/// `minimum`, `maximum`, `pattern`): the violations of `value`, each with its JSON path.
///
/// Written for the tests, so a route's answer is checked against its documented schema without a
/// Python round trip; schemathesis checks the same over sockets in CI.
struct SchemaConformance {
    /// `components.schemas` of the document.
    let components: [String: Any]

    /// The violations of the JSON document `bytes`.
    func violations(ofJSON bytes: some Collection<UInt8>, against schema: [String: Any]) -> [String] {
        do {
            return violations(of: try JSONDecoder().decode(JSONValue.self, from: Data(bytes)), against: schema)
        } catch {
            return ["$: not JSON (\(error))"]
        }
    }

    func violations(of value: JSONValue, against schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last ?? "")
            guard let target = components[name] as? [String: Any] else { return ["\(path): dangling \(ref)"] }
            return violations(of: value, against: target, at: path)
        }
        var found: [String] = []
        if let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map({ [$0] }),
            !types.contains(where: { Self.matches(value, type: $0) })
        {
            return ["\(path): \(Self.describe(value)) is not \(types.joined(separator: " or "))"]
        }
        if let choices = schema["enum"] as? [String], case .string(let text) = value, !choices.contains(text) {
            found.append("\(path): \(text) not in \(choices)")
        }
        if let constant = schema["const"] as? String, value != .string(constant) { found.append("\(path): is not \(constant)") }
        if case .number(let number) = value {
            if let minimum = schema["minimum"] as? Double, number < minimum { found.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number > maximum { found.append("\(path): above \(maximum)") }
        }
        if case .string(let text) = value, let pattern = schema["pattern"] as? String,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            found.append("\(path): \"\(text)\" does not match \(pattern)")
        }
        if let alternatives = schema["anyOf"] as? [[String: Any]],
            !alternatives.contains(where: { violations(of: value, against: $0, at: path).isEmpty })
        {
            found.append("\(path): matches none of anyOf")
        }
        if let alternatives = schema["oneOf"] as? [[String: Any]] {
            let matching = alternatives.filter { violations(of: value, against: $0, at: path).isEmpty }.count
            if matching != 1 { found.append("\(path): matches \(matching) of oneOf, not exactly one") }
        }
        if case .object(let object) = value {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                found.append("\(path): lacks required \(name)")
            }
            for (name, member) in object {
                if let property = properties[name] as? [String: Any] {
                    found += violations(of: member, against: property, at: "\(path).\(name)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    found += violations(of: member, against: additional, at: "\(path).\(name)")
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): undocumented member \(name)")
                }
            }
        }
        if case .array(let array) = value, let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() { found += violations(of: element, against: items, at: "\(path)[\(index)]") }
        }
        return found
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("number", .number),
            ("null", .null):
            true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        let text = "\(value)"
        return text.count > 60 ? String(text.prefix(60)) + "…" : text
    }
}

/// A parsed JSON value that keeps booleans apart from numbers.
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}
