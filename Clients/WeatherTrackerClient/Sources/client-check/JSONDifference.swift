import Foundation
import OpenAPIRuntime

/// Where two JSON documents differ, as JSON-pointer-like paths (`/paths/~1health/get`): semantic
/// equality, so key order and whitespace never count.
enum JSONDifference {
    /// At most `limit` paths at which `served` and `committed` differ; empty when they are equal.
    static func paths(_ served: OpenAPIObjectContainer, _ committed: OpenAPIObjectContainer, limit: Int = 10) -> [String] {
        var found: [String] = []
        compare(served.value, committed.value, at: "", into: &found, limit: limit)
        return found
    }

    private static func compare(_ a: (any Sendable)?, _ b: (any Sendable)?, at path: String, into found: inout [String], limit: Int) {
        guard found.count < limit else { return }
        switch (a, b) {
        case (let a as [String: (any Sendable)?], let b as [String: (any Sendable)?]):
            for key in Set(a.keys).union(b.keys).sorted() {
                let child = path + "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                switch (a.index(forKey: key), b.index(forKey: key)) {
                case (nil, _): found.append("\(child): only in the committed openapi.json")
                case (_, nil): found.append("\(child): only in the served document")
                default: compare(a[key] ?? nil, b[key] ?? nil, at: child, into: &found, limit: limit)
                }
                if found.count >= limit { return }
            }
        case (let a as [(any Sendable)?], let b as [(any Sendable)?]):
            if a.count != b.count {
                found.append("\(path): \(a.count) items served, \(b.count) committed")
                return
            }
            for (index, (x, y)) in zip(a, b).enumerated() { compare(x, y, at: "\(path)/\(index)", into: &found, limit: limit) }
        default:
            if (try? OpenAPIValueContainer(unvalidatedValue: a)) != (try? OpenAPIValueContainer(unvalidatedValue: b)) {
                found.append("\(path): \(String(describing: a ?? "null")) served, \(String(describing: b ?? "null")) committed")
            }
        }
    }
}
