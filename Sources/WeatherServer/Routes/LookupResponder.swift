import Foundation
import Hummingbird
import Logging
import WeatherCore
import WeatherServerCore
import WeatherPages

/// Answers one lookup route: parse and validate into a ``LookupPlan``, then ``LookupPipeline``
/// (the near-cache, then the client).
///
/// A repeat of an exact request target never gets here: `ServiceFastPath` answers it from the
/// near-cache before the router. Here a differently spelled repeat costs the query parse and one
/// hash lookup on the normalized key; the body is written from the stored `ByteBuffer` as it is.
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
        let keyed = LookupPlan(key: route.path + "?" + plan.key, fetch: plan.fetch)
        return try await LookupPipeline(dependencies: dependencies).answer(
            keyed, family: route.family, route: route.path, target: target)
    }
}
