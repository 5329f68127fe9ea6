import Foundation
import Hummingbird
import Logging
import WeatherCore

/// Answers one lookup route: parse and validate, then the near-cache, then the client.
///
/// A repeat of an exact request target never gets here: ``ServiceFastPath`` answers it from the
/// near-cache before the router. Here a differently spelled repeat costs the query parse and one
/// hash lookup on the normalized key; the body is written from the stored `ByteBuffer` as it is.
/// Only fresh answers (hit, miss, revalidated) are stored, under the normalized key and the target;
/// a stale answer is encoded for its caller alone, so the next request asks the client again.
struct LookupResponder: Sendable {
    let route: LookupRoute
    let dependencies: ServiceDependencies

    func respond(to request: Request, context: ServiceRequestContext) async throws -> Response {
        // The target is stored too: the same bytes always mean the same normalized question, so the
        // fast path can answer a repeat without parsing, validating or normalizing anything.
        let target = request.uri.string
        let now = dependencies.clock.now
        let query = try QueryString(request.uri.query.map { Substring($0) })
        try query.requireOnly(route.parameterNames)
        let plan = try route.plan(query, now)
        let key = route.path + "?" + plan.key
        if let body = dependencies.nearCache.body(forKey: key, now: now) {
            dependencies.nearCache.store(body, forTarget: target, now: now)
            return dependencies.nearCacheHit(
                body, family: route.family, now: now, ifNoneMatch: request.headers[.ifNoneMatch]
            ).response
        }
        // Past the near-cache: each upstream call it makes is charged to the client (UpstreamCharge).
        let outcome: LookupOutcome
        do {
            if let tracer = dependencies.tracer {
                outcome = try await LookupSpan.record(tracer: tracer, family: route.family) {
                    try await plan.fetch(dependencies.client)
                }
            } else {
                outcome = try await plan.fetch(dependencies.client)
            }
        } catch let error as WeatherError {
            throw LookupFailure.problem(for: error, route: route.path, logger: dependencies.logger)
        }
        let body = dependencies.encodedBody(
            try outcome.body(in: dependencies.mode), fetchedAt: outcome.fetchedAt, freshUntil: outcome.freshUntil,
            family: route.family)
        let answeredAt = dependencies.clock.now
        if outcome.status != .stale {
            dependencies.nearCache.store(body, forKey: key, now: answeredAt)
            dependencies.nearCache.store(body, forTarget: target, now: answeredAt)
        }
        return LookupResponse.make(body, status: outcome.status, now: answeredAt, request: request)
    }
}

/// Turns a failed lookup into its problem, logging what the operator must know.
enum LookupFailure {
    static func problem(for error: WeatherError, route: String, logger: Logger) -> Problem {
        let problem = Problem(error)
        switch problem.status.code {
        case 502:
            // A refused key or an unreadable answer is the operator's to fix: say it loudly, redacted.
            logger.error("upstream failure", metadata: ["route": .string(route), "error": .string(error.description)])
        case 500...:
            logger.warning("upstream failure", metadata: ["route": .string(route), "error": .string(error.description)])
        default:
            break
        }
        return problem
    }
}
