import Foundation
import HTTPTypes
public import WeatherCore

/// Decides which scripted reply answers a request: by path, by URL substring, or any predicate.
public struct RequestMatcher: Sendable, CustomStringConvertible {
    /// Shown in errors about unmatched or leftover replies.
    public let description: String
    private let predicate: @Sendable (TransportRequest) -> Bool

    /// A matcher from a predicate and a description for error messages.
    public init(_ description: String, _ predicate: @escaping @Sendable (TransportRequest) -> Bool) {
        self.description = description
        self.predicate = predicate
    }

    /// Whether `request` is answered by this matcher.
    public func matches(_ request: TransportRequest) -> Bool { predicate(request) }

    /// Every request.
    public static var any: RequestMatcher { RequestMatcher("any request") { _ in true } }

    /// Requests whose URL path (without scheme, host and query) equals `path`, e.g. `/data/2.5/weather`.
    public static func path(_ path: String) -> RequestMatcher {
        RequestMatcher("path \(path)") { Self.path(of: $0.head.path ?? "/") == path }
    }

    /// Requests whose URL contains `fragment`, e.g. `q=London`.
    public static func urlContains(_ fragment: String) -> RequestMatcher {
        RequestMatcher("URL containing \(fragment)") { $0.head.absoluteURL.contains(fragment) }
    }

    static func path(of url: String) -> Substring {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
        return rest
    }
}
