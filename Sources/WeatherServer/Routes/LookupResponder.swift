import Foundation
import Hummingbird
import Logging
import WeatherCore

/// Answers one lookup route: parse and validate, then the near-cache, then the client.
///
/// A repeat of an exact request target never gets here: `ServiceFastPath` answers it from the
/// near-cache before the router. Here a differently spelled repeat costs the query parse and one
/// hash lookup on the normalized key; the body is written from the stored `ByteBuffer` as it is.
/// Only fresh answers (hit, miss, revalidated) are stored, under the normalized key and the target;
/// a stale answer is encoded for its caller alone, so the next request asks the client again.
struct LookupResponder: Sendable {
    let route: LookupRoute
    let dependencies: ServiceDependencies

    func respond(to request: Request, context: ServiceRequestContext) async throws -> Response {
        let answer = try await lookup(target: request.uri.string, query: request.uri.query.map { Substring($0) })
        return LookupResponse.make(answer.body, status: answer.status, now: answer.at, request: request)
    }

    /// One lookup of request target `target` (whose query is `query`): its encoded body and how it
    /// was answered — the same for a GET of the route and an item of `POST /v1/batch`.
    ///
    /// - Throws: the ``Problem`` to answer; any other error (a cut request, a body that would not
    ///   encode) as it came.
    func lookup(target: String, query rawQuery: Substring?) async throws -> LookupAnswer {
        // The target is stored too: the same bytes always mean the same normalized question, so the
        // fast path can answer a repeat without parsing, validating or normalizing anything.
        let now = dependencies.clock.now
        let query = try QueryString(rawQuery)
        try query.requireOnly(route.parameterNames)
        let plan = try route.plan(query, now)
        let key = route.path + "?" + plan.key
        if let body = dependencies.nearCache.body(forKey: key, now: now) {
            dependencies.nearCache.store(body, forTarget: target, now: now)
            dependencies.observer?.record(.lookup(route.family, .hit))
            return LookupAnswer(body: body, status: .hit, at: now)
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
        return LookupAnswer(body: body, status: outcome.status, at: answeredAt)
    }
}

/// An answered lookup: the encoded body, how it was answered, and when.
struct LookupAnswer: Sendable {
    var body: EncodedBody
    var status: CacheStatus
    var at: Date
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
