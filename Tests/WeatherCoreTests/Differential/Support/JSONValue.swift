import Foundation

/// A JSON document as an ordered tree, built from `JSONSerialization`'s output: the input side of
/// the variations. Objects keep their members in a list so a writer can order them at will.
enum JSONValue: Equatable {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    /// A number written without fraction or exponent in the source (`20`, `-3`).
    case integer(Int64)
    /// Any other number.
    case double(Double)
    case bool(Bool)
    case null

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    /// Parses `bytes` with Foundation's `JSONSerialization`; object members come out sorted by key,
    /// since `JSONSerialization` does not keep their order.
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONValue(foundation: JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]))
    }

    /// Converts `JSONSerialization`'s output; integers and doubles are told apart by the number's
    /// type, booleans by their class (on Linux, `-0` also bridges to `Bool`).
    init(foundation value: Any) throws {
        switch value {
        case let object as [String: Any]:
            self = .object(try object.keys.sorted().map { ($0, try JSONValue(foundation: object[$0]!)) })
        case let array as [Any]:
            self = .array(try array.map(JSONValue.init(foundation:)))
        case let string as String:
            self = .string(string)
        case is NSNull:
            self = .null
        case let number as NSNumber:
            if String(describing: type(of: number)).contains("Boolean") {
                self = .bool(number.boolValue)
            } else if ["d", "f"].contains(String(cString: number.objCType)) {
                self = .double(number.doubleValue)
            } else {
                self = .integer(number.int64Value)
            }
        default:
            throw CocoaError(.coderInvalidValue, userInfo: [NSDebugDescriptionErrorKey: "unexpected \(type(of: value))"])
        }
    }
}
