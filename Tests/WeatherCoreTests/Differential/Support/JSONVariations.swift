/// Edits of a ``JSONValue`` that a tolerant decoder must not notice: removing fields it treats as
/// optional, and adding fields it does not know, nested values included.
enum JSONVariations {
    /// A path to a member, from the root; `*` matches every element of an array or member of an object.
    typealias Path = [String]

    /// Removes each member found at one of `paths` with probability `probability`.
    static func removing(_ paths: [Path], from value: JSONValue, probability: Double, random: inout SeededGenerator)
        -> JSONValue
    {
        paths.reduce(value) { current, path in remove(path[...], from: current, probability, &random) }
    }

    private static func remove(
        _ path: ArraySlice<String>, from value: JSONValue, _ probability: Double, _ random: inout SeededGenerator
    ) -> JSONValue {
        guard let head = path.first else { return value }
        let rest = path.dropFirst()
        switch value {
        case .object(var members):
            if rest.isEmpty {
                members.removeAll { $0.key == head && random.chance(probability) }
            } else {
                for index in members.indices where head == "*" || members[index].key == head {
                    members[index].value = remove(rest, from: members[index].value, probability, &random)
                }
            }
            return .object(members)
        case .array(let elements) where head == "*":
            return .array(elements.map { remove(rest, from: $0, probability, &random) })
        default:
            return value
        }
    }

    /// Adds, to every object with probability `probability`, one to three members with unknown keys
    /// and values of every JSON type, nested up to three levels.
    static func addingUnknownFields(to value: JSONValue, probability: Double, random: inout SeededGenerator)
        -> JSONValue
    {
        switch value {
        case .object(let members):
            var result: [(key: String, value: JSONValue)] = []
            for member in members {
                let value = addingUnknownFields(to: member.value, probability: probability, random: &random)
                result.append((key: member.key, value: value))
            }
            if random.chance(probability) {
                for serial in 0...Int(random.next() % 3) {
                    let position = Int(random.next() % UInt64(result.count + 1))
                    let value = unknownValue(depth: 0, &random)
                    result.insert((key: "x_unknown_\(serial)", value: value), at: position)
                }
            }
            return .object(result)
        case .array(let elements):
            return .array(elements.map { addingUnknownFields(to: $0, probability: probability, random: &random) })
        default:
            return value
        }
    }

    private static func unknownValue(depth: Int, _ random: inout SeededGenerator) -> JSONValue {
        switch random.next() % (depth < 3 ? 9 : 7) {
        case 0: return .null
        case 1: return .bool(random.chance(0.5))
        case 2: return .integer(Int64(bitPattern: random.next()) >> 20)
        case 3: return .double(Double(Int64(bitPattern: random.next() >> 12)) / 1e6)
        case 4: return .double(1.5e300)
        case 5: return .string("ünknown \"quoted\" \\ / é 😀 \u{1}")
        case 6: return .string("")
        case 7:
            var elements: [JSONValue] = []
            for _ in 0..<Int(random.next() % 4) { elements.append(unknownValue(depth: depth + 1, &random)) }
            return .array(elements)
        default:
            var members: [(key: String, value: JSONValue)] = []
            for index in 0..<Int(random.next() % 4) {
                let value = unknownValue(depth: depth + 1, &random)
                members.append((key: "k\(index)", value: value))
            }
            return .object(members)
        }
    }
}
