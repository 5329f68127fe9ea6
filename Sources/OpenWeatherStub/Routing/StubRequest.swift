import Foundation

/// A request as the endpoints see it: the path, the decoded query items and the time.
struct StubRequest: Sendable {
    /// The path without the query, e.g. `/data/2.5/weather`.
    var path: String
    /// Query items, percent-decoded (`+` is a space), names in any case; a repeated name keeps its last value.
    var query: StubQuery
    /// The current time, Unix seconds.
    var now: Int
    /// The time bucket the synthetic weather belongs to (`now / bucketSeconds`).
    var bucket: Int
    /// The length of a time bucket, seconds (at least 1).
    var bucketSeconds: Int
    /// The One Call versions the key may call.
    var oneCallPlan: OneCallPlan = .both
    /// The One Call 4.0 quirks in force for this request (configured, plus fault rules').
    var oneCall4Quirks: Set<OneCall4Quirk> = []
    /// Scheme and authority One Call 4.0 links start with, e.g. `http://127.0.0.1:9100`.
    var linkBase = "http://127.0.0.1"
    /// For `/data/4.0/onecall/alert/{id}`: how many times this id has been looked up, this time
    /// included (1 for the first lookup); 0 when nobody counts (a router called directly).
    var alertLookup = 0

    /// Splits `uri` into path and query; an absolute-form target
    /// (`http://api.openweathermap.org/data/2.5/weather?…`, as clients send it to a proxy) counts
    /// from its path on, whatever its host.
    init(uri: String, now: Int, bucketSeconds: Int) {
        let parts = Self.originForm(uri).split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts[0])
        query = StubQuery()
        if parts.count > 1 {
            for item in parts[1].split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = Self.decode(pair[0])
                query[name] = pair.count > 1 ? Self.decode(pair[1]) : ""
            }
        }
        self.now = now
        self.bucketSeconds = max(bucketSeconds, 1)
        bucket = now / self.bucketSeconds
    }

    /// `scheme://authority` of an absolute-form target (`http://api.openweathermap.org`), or `nil`
    /// for an origin-form one.
    static func absoluteFormBase(_ uri: String) -> String? {
        guard !uri.hasPrefix("/"), let separator = uri.range(of: "://") else { return nil }
        let rest = uri[separator.upperBound...]
        let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        guard end > rest.startIndex else { return nil }
        return String(uri[..<end])
    }

    /// `uri` without the scheme and authority of an absolute-form target (RFC 9112 §3.2.2, which
    /// servers must accept); an origin-form target (`/path?query`) as it is. `http://host?q=1`
    /// has the path `/`, as in RFC 9112 §3.2.1.
    static func originForm(_ uri: String) -> Substring {
        guard !uri.hasPrefix("/"), let separator = uri.range(of: "://") else { return uri[...] }
        let scheme = uri[..<separator.lowerBound]
        guard let first = scheme.first, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return uri[...] }
        let authorityAndRest = uri[separator.upperBound...]
        guard let end = authorityAndRest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
        let rest = authorityAndRest[end...]
        return rest.first == "/" ? rest : Substring("/" + rest)
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The same request as it would have been answered `seconds` earlier.
    func shifted(back seconds: Int, bucketSeconds: Int) -> StubRequest {
        var earlier = self
        earlier.now -= seconds
        earlier.bucket = earlier.now / max(bucketSeconds, 1)
        earlier.bucketSeconds = max(bucketSeconds, 1)
        return earlier
    }

    /// The units the answer is in (`units`; standard when absent or unknown).
    var units: StubUnits { StubUnits(query: query["units"]) }

    /// The language of condition descriptions (`lang`; English when absent or unknown).
    var language: StubLanguage { StubLanguage(query: query["lang"]) }

    /// The query item `name` as a float, if present and numeric.
    func double(_ name: String) -> Double? { query[name].flatMap { Double($0) } }

    /// The query item `name` as an integer, if present and numeric.
    func int(_ name: String) -> Int? { query[name].flatMap { Int($0) } }
}
