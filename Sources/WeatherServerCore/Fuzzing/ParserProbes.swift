package import Foundation
import HTTPTypes

/// The service's parsers driven with arbitrary bytes, for the libFuzzer targets in `Fuzz/` (through
/// the `WeatherServerFuzzing` product). Each probe traps when an invariant breaks; an input that is
/// merely refused is the expected outcome. `package` so that nothing here widens the public API.
package enum ParserProbes {
    /// One request's untrusted parts: the query string (checked against every lookup route),
    /// `If-None-Match`, `X-Forwarded-For` and `X-Request-Id`, separated by 0xFF bytes in `bytes`
    /// (0xFF never occurs in UTF-8, so the parts themselves can be any text).
    ///
    /// Invariants: parsing is deterministic; a refused query is a 400 or 414 (never a 5xx); an
    /// accepted query has at most ``QueryString/maxParameters`` parameters, each without control
    /// characters; a request id is 1–128 visible ASCII characters; a client key is short.
    package static func request(_ bytes: [UInt8]) {
        let parts = bytes.split(separator: 0xFF, maxSplits: 4, omittingEmptySubsequences: false)
        let selector = parts.first?.first ?? 0
        let query = String(decoding: parts.first?.dropFirst() ?? [], as: UTF8.self)
        let route = LookupRoute.all[Int(selector) % LookupRoute.all.count]
        let first = outcome(route, query)
        let second = outcome(route, query)
        precondition(first == second, "\(route.path)?\(query): \(first) then \(second)")

        if parts.count > 1 {
            let header = String(decoding: parts[1], as: UTF8.self)
            let tag = EntityTag.strong(for: Array(parts[1]))
            _ = EntityTag.matches(ifNoneMatch: header, tag: tag)
            precondition(EntityTag.matches(ifNoneMatch: tag, tag: tag), "a tag must match itself")
            precondition(EntityTag.matches(ifNoneMatch: "W/" + tag + ", " + header, tag: tag))
        }
        if parts.count > 2 {
            let forwarded = String(decoding: parts[2], as: UTF8.self)
            let key = ClientAddress.key(peer: "127.0.0.1", forwardedFor: [forwarded], trustedHops: Int(selector % 4))
            precondition(!key.isEmpty && key.utf8.count <= 48, "client key \(key)")
        }
        if parts.count > 3 {
            let given = String(decoding: parts[3], as: UTF8.self)
            let id = RequestIDGenerator().id(echoing: given)
            precondition(
                (1...128).contains(id.utf8.count) && id.utf8.allSatisfy { (0x21...0x7E).contains($0) },
                "request id \(id)")
        }
    }

    /// An environment for ``ServiceConfiguration/init(environment:)``: one `NAME=VALUE` per line of
    /// `bytes`; a name that is not a variable picks one by its first byte. The API key and the Redis
    /// password are set to markers (whatever the input says).
    ///
    /// Invariants: an error names a known variable in one line and never quotes either secret.
    package static func configuration(_ bytes: [UInt8]) {
        let variables = ServiceConfiguration.variables
        var environment: [String: String] = [:]
        for line in bytes.split(separator: 0x0A) {
            let text = String(decoding: line, as: UTF8.self)
            let (name, value) =
                text.firstIndex(of: "=").map { (String(text[..<$0]), String(text[text.index(after: $0)...])) }
                ?? (text, "")
            let variable = variables.contains(name) ? name : variables[Int(line.first ?? 0) % variables.count]
            environment[variable] = value
        }
        let apiKey = "FUZZ-API-KEY-3b9d27e1"
        let password = "FUZZ-REDIS-PASSWORD-58c0"
        environment["OPENWEATHER_API_KEY"] = apiKey
        environment["REDIS_PASSWORD"] = password
        do {
            let configuration = try ServiceConfiguration(environment: environment)
            precondition((0...65535).contains(configuration.port), "port \(configuration.port)")
            precondition(configuration.clientLimit.ratePerSecond > 0 && configuration.clientLimit.burst >= 1)
        } catch {
            let text = error.description
            precondition(variables.contains(error.variable), "unknown variable in \(text)")
            precondition(text.hasPrefix("invalid configuration: \(error.variable): "), text)
            precondition(!text.contains(apiKey) && !text.contains(password), "a secret in \(text)")
        }
    }

    /// The time the probes plan at, fixed so that outcomes replay the same (2026-12-01).
    package static let referenceNow = Date(timeIntervalSince1970: 1_796_083_200)

    /// A comparable summary of parsing `query` for `route`: the plan's key or the problem.
    private static func outcome(_ route: LookupRoute, _ query: String) -> String {
        do {
            let parsed = try QueryString(Substring(query))
            precondition(parsed.names.count <= QueryString.maxParameters)
            for name in parsed.names {
                let value = parsed.value(name) ?? ""
                precondition(
                    (name + value).unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F },
                    "a control character passed the query parser")
            }
            try parsed.requireOnly(route.parameterNames)
            let plan = try route.plan(parsed, referenceNow)
            return "ok " + plan.key
        } catch {
            // 400: what the document's schemas refuse; 414: too long; 422: well formed, not answerable.
            precondition([400, 414, 422].contains(error.status.code), "\(route.path)?\(query) → \(error.status.code)")
            return "problem \(error.status.code) \(error.slug) \(error.parameter ?? "-")"
        }
    }
}
