import Foundation
import HTTPTypes
import Hummingbird
import WeatherCore
import WeatherServerCore
import WeatherPages

/// Builds the response of a lookup from an encoded body: the body itself, or 304 when the client's
/// `If-None-Match` already names it, with the cache headers computed for this instant.
enum LookupResponse {
    /// The response for `body` answered with `status` at `now`.
    static func make(_ body: EncodedBody, status: CacheStatus, now: Date, request: Request) -> Response {
        answer(body, status: status, now: now, ifNoneMatch: request.headers[.ifNoneMatch]).response
    }

    /// The answer for `body` with `status` at `now`, to a request whose `If-None-Match` is `ifNoneMatch`.
    ///
    /// Headers: `Content-Type`, `X-Cache`, `Age` (whole seconds since upstream answered),
    /// `Cache-Control: public, max-age=<seconds left fresh>, stale-while-revalidate=…, stale-if-error=…`
    /// (`max-age=0` for a stale answer; `no-store` for a body that is not shareable: demo weather)
    /// and a strong `ETag`.
    static func answer(_ body: EncodedBody, status: CacheStatus, now: Date, ifNoneMatch: String?) -> FastAnswer {
        let age = max(0, Int(now.timeIntervalSince(body.fetchedAt)))
        let maxAge = status == .stale ? 0 : max(0, Int(body.freshUntil.timeIntervalSince(now)))
        var headers: HTTPFields = [
            .contentType: "application/json",
            .xCache: status.headerValue,
            .age: String(age),
            .cacheControl: body.isShareable ? "public, max-age=\(maxAge)\(body.staleDirectives)" : "no-store",
            .eTag: body.etag,
        ]
        if let ifNoneMatch, EntityTag.matches(ifNoneMatch: ifNoneMatch, tag: body.etag) {
            headers[.contentType] = nil
            return FastAnswer(status: .notModified, headers: headers, body: nil)
        }
        return FastAnswer(status: .ok, headers: headers, body: body.bytes)
    }

    /// `, stale-while-revalidate=300, stale-if-error=3600` for `rule`.
    static func staleDirectives(_ rule: CachePolicy.Rule) -> String {
        ", stale-while-revalidate=\(Int(rule.staleWhileRevalidate.seconds)), stale-if-error=\(Int(rule.staleIfError.seconds))"
    }
}

extension CacheStatus {
    /// The `X-Cache` value: `HIT`, `MISS`, `STALE`, `REVALIDATED`.
    var headerValue: String {
        switch self {
        case .hit: "HIT"
        case .miss: "MISS"
        case .stale: "STALE"
        case .revalidated: "REVALIDATED"
        }
    }
}
