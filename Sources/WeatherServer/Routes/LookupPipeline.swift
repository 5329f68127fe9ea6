import Foundation
import HTTPTypes
import Logging
import WeatherCore
import WeatherServerCore
import WeatherPages

/// The one path of every lookup past validation, whatever route asked and however its body is
/// encoded: the near-cache by normalized question, else the client (in a `lookup` span when
/// tracing is on), then the body encoded once, and fresh answers stored for the next asker.
///
/// ``LookupResponder`` (every `/v1` lookup route and each item of `POST /v1/batch`) and
/// ``LegacyWeatherResponder`` (`/weather/{city}`, the replaced service's body) both run it; they
/// differ only in how a request becomes a ``LookupPlan`` and how its outcome is encoded.
struct LookupPipeline: Sendable {
    let dependencies: ServiceDependencies

    /// Answers `plan`, a lookup of `family` on `route`.
    ///
    /// Only fresh answers (hit, miss, revalidated) are stored, under the plan's key and, when
    /// given, the request `target` (for the fast path's repeat); a stale answer is encoded for its
    /// caller alone, so the next request asks the client again.
    ///
    /// - Throws: the ``Problem`` of a failed lookup; any other error (a cut request, a body that
    ///   would not encode) as it came.
    func answer(_ plan: LookupPlan, family: EndpointFamily, route: String, target: String?) async throws -> LookupAnswer {
        let now = dependencies.clock.now
        if let body = dependencies.nearCache.body(forKey: plan.key, now: now) {
            if let target { dependencies.nearCache.store(body, forTarget: target, now: now) }
            dependencies.observer?.record(.lookup(family, .hit))
            return LookupAnswer(body: body, status: .hit, at: now)
        }
        // Past the near-cache: each upstream call it makes is charged to the client (UpstreamCharge).
        let outcome: LookupOutcome
        do {
            if let tracer = dependencies.tracer {
                outcome = try await LookupSpan.record(tracer: tracer, family: family) {
                    try await plan.fetch(dependencies.client)
                }
            } else {
                outcome = try await plan.fetch(dependencies.client)
            }
        } catch let error as WeatherError {
            throw LookupFailure.problem(for: error, route: route, logger: dependencies.logger)
        }
        let body = try encodedBody(outcome.body(in: dependencies.mode), of: outcome, family: family)
        let answeredAt = dependencies.clock.now
        if outcome.status != .stale {
            dependencies.nearCache.store(body, forKey: plan.key, now: answeredAt)
            if let target { dependencies.nearCache.store(body, forTarget: target, now: answeredAt) }
        }
        var answer = LookupAnswer(body: body, status: outcome.status, at: answeredAt)
        if outcome.status == .miss, let bytes = try outcome.missBody(in: dependencies.mode) {
            answer.missBody = encodedBody(bytes, of: outcome, family: family)
        }
        return answer
    }

    private func encodedBody(_ bytes: [UInt8], of outcome: LookupOutcome, family: EndpointFamily) -> EncodedBody {
        dependencies.encodedBody(bytes, fetchedAt: outcome.fetchedAt, freshUntil: outcome.freshUntil, family: family)
    }
}

/// An answered lookup: the encoded body, how it was answered, and when.
struct LookupAnswer: Sendable {
    /// The body every asker of the question gets (and the near-cache keeps).
    var body: EncodedBody
    var status: CacheStatus
    var at: Date
    /// What the asker who caused a miss gets instead, when its outcome encodes one (the legacy
    /// route's `cached: false`); `nil` otherwise.
    var missBody: EncodedBody?
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
