import Foundation
import HTTPTypes
import Hummingbird
import WeatherCore

/// Builds the response of a lookup from an encoded body: the body itself, or 304 when the client's
/// `If-None-Match` already names it, with the cache headers computed for this instant.
enum LookupResponse {
    /// The response for `body` answered with `status` at `now`.
    ///
    /// Headers: `Content-Type`, `X-Cache`, `Age` (whole seconds since upstream answered),
    /// `Cache-Control: public, max-age=<seconds left fresh>, stale-while-revalidate=…, stale-if-error=…`
    /// (`max-age=0` for a stale answer) and a strong `ETag`.
    static func make(_ body: EncodedBody, status: CacheStatus, now: Date, request: Request) -> Response {
        let age = max(0, Int(now.timeIntervalSince(body.fetchedAt)))
        let maxAge = status == .stale ? 0 : max(0, Int(body.freshUntil.timeIntervalSince(now)))
        var headers: HTTPFields = [
            .contentType: "application/json",
            .xCache: status.headerValue,
            .age: String(age),
            .cacheControl: "public, max-age=\(maxAge)\(body.staleDirectives)",
            .eTag: body.etag,
        ]
        if let condition = request.headers[.ifNoneMatch], EntityTag.matches(ifNoneMatch: condition, tag: body.etag) {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body.bytes))
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

extension ServiceDependencies {
    /// The answer for a near-cache hit on a lookup of `family`: the hit counted as the client would
    /// count it, then the body with its headers for `now`.
    func nearCacheHit(_ body: EncodedBody, family: EndpointFamily, now: Date, request: Request) -> Response {
        observer?.record(.lookup(family, .hit))
        return LookupResponse.make(body, status: .hit, now: now, request: request)
    }
}
