package import HTTPTypes
package import WeatherCore
/// The query string of one request, parsed strictly: split on `&`, names and values
/// percent-decoded (`+` as a space), and each checked — valid UTF-8, no control characters, no
/// parameter given twice, at most ``maxParameters`` parameters and ``maxLength`` bytes.
///
/// Hummingbird's own `queryParameters` falls back to the raw text when decoding fails and keeps
/// duplicates; an API that answers from a cache must not guess which of two `city` values was meant.
package struct QueryString: Sendable {
    /// More parameters than any route takes, with room for a client's extras.
    package static let maxParameters = 32
    /// Longer queries are refused with 414 before they are parsed.
    package static let maxLength = 4096

    private var pairs: [(name: String, value: String)] = []

    /// Parses `query` (the text after `?`, without it).
    ///
    /// - Throws: ``Problem``: 414 for an overlong query, 400 naming the parameter otherwise.
    package init(_ query: Substring?) throws(Problem) {
        guard let query, !query.isEmpty else { return }
        guard query.utf8.count <= Self.maxLength else {
            throw Problem(
                status: .uriTooLong, slug: "uri-too-long", title: "Query string too long",
                detail: "The query string has \(query.utf8.count) bytes; at most \(Self.maxLength) are accepted.")
        }
        for part in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            guard pairs.count < Self.maxParameters else {
                throw Problem(
                    status: .badRequest, slug: "too-many-parameters", title: "Too many query parameters",
                    detail: "At most \(Self.maxParameters) query parameters are accepted.")
            }
            let equals = part.firstIndex(of: UInt8(ascii: "="))
            let rawName = part[..<(equals ?? part.endIndex)]
            let rawValue = equals.map { part[part.index(after: $0)...] } ?? part[part.endIndex...]
            guard let name = Self.decode(rawName), !name.isEmpty else {
                throw Problem.invalidParameter("", "A query parameter name is empty or not valid percent-encoded UTF-8.")
            }
            guard let value = Self.decode(rawValue) else {
                throw Problem.invalidParameter(
                    name, "The value of \(name) is not valid percent-encoded UTF-8 text without control characters.")
            }
            guard !pairs.contains(where: { $0.name == name }) else {
                throw Problem.invalidParameter(name, "\(name) is given more than once; give it once.")
            }
            pairs.append((name, value))
        }
    }

    /// The decoded value of `name`, or `nil` when absent.
    package func value(_ name: String) -> String? {
        for pair in pairs where pair.name == name { return pair.value }
        return nil
    }

    /// The decoded value of `name` with surrounding spaces removed, or `nil` when absent or blank.
    package func text(_ name: String) -> String? {
        guard let value = value(name) else { return nil }
        let trimmed = value.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether `name` was given (even empty).
    package func contains(_ name: String) -> Bool { pairs.contains { $0.name == name } }

    /// The parameter names, in the order given.
    package var names: [String] { pairs.map(\.name) }

    /// Refuses any parameter not in `allowed`: a typo (`citty=`) must not silently fall back to a default.
    package func requireOnly(_ allowed: Set<String>) throws(Problem) {
        for pair in pairs where !allowed.contains(pair.name) {
            throw Problem.invalidParameter(
                pair.name,
                "Unknown query parameter \(pair.name); this route takes \(allowed.sorted().joined(separator: ", ")).")
        }
    }

    /// Percent-decodes `bytes` (`+` is a space); `nil` for a bad escape, invalid UTF-8 or a control character.
    package static func decode(_ bytes: Substring.UTF8View.SubSequence) -> String? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            var byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let high = bytes.index(after: index)
                guard high != bytes.endIndex else { return nil }
                let low = bytes.index(after: high)
                guard low != bytes.endIndex, let h = PercentEncoding.hexValue(bytes[high]),
                    let l = PercentEncoding.hexValue(bytes[low])
                else { return nil }
                byte = h << 4 | l
                index = low
            } else if byte == UInt8(ascii: "+") {
                byte = UInt8(ascii: " ")
            }
            guard byte >= 0x20, byte != 0x7F else { return nil }
            decoded.append(byte)
            index = bytes.index(after: index)
        }
        return String(validating: decoded, as: UTF8.self)
    }
}
