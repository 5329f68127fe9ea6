import Foundation
import WeatherCore
import WeatherServerCore

extension ServiceDependencies {
    /// A lookup's encoded body with the cache directives of `family` and of this service's mode.
    func encodedBody(_ bytes: [UInt8], fetchedAt: Date, freshUntil: Date, family: EndpointFamily) -> EncodedBody {
        EncodedBody(
            bytes: bytes, fetchedAt: fetchedAt, freshUntil: freshUntil, staleDirectives: staleDirectives(for: family),
            isShareable: mode.answersAreShareable)
    }

    /// The answer for a near-cache hit on a lookup of `family`: the hit counted as the client would
    /// count it, then the body with its headers for `now`.
    func nearCacheHit(_ body: EncodedBody, family: EndpointFamily, now: Date, ifNoneMatch: String?) -> FastAnswer {
        observer?.record(.lookup(family, .hit))
        return LookupResponse.answer(body, status: .hit, now: now, ifNoneMatch: ifNoneMatch)
    }
}
