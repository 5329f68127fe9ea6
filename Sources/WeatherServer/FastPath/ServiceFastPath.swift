import Foundation
import HTTPTypes
import Tracing
import WeatherCore
import WeatherServerCore
import WeatherPages

/// The answers the service gives without suspending: a near-cache hit on a lookup route (the
/// exact request target of an earlier answer whose body is still fresh) and `GET /health`.
///
/// One decision, two callers: `FastPathChannelHandler` asks it on the event loop before a request
/// enters Hummingbird at all, and ``ServiceResponder`` asks it in front of the router about what
/// the handler passed on without asking (a request on a connection with a response still being
/// written, or one saying `Connection: close`; the handler marks the ones it asked about), and
/// about every request of an in-process test, which runs no channel. Each request is asked once. Either way the answer carries the same headers and gets the same
/// observation (`X-Request-Id`, `X-Content-Type-Options: nosniff`, metrics, the log line) as a
/// routed request: both go through ``RequestObservation``. The fast path never suspends, so it does
/// not count towards `http_requests_in_flight`.
struct ServiceFastPath: Sendable {
    let lookups: [Substring: LookupRoute]
    let dependencies: ServiceDependencies
    let observation: RequestObservation
    let health: HealthResponder

    init(dependencies: ServiceDependencies, observation: RequestObservation) {
        lookups = Dictionary(LookupRoute.all.map { (Substring($0.path), $0) }, uniquingKeysWith: { first, _ in first })
        self.dependencies = dependencies
        self.observation = observation
        health = HealthResponder(dependencies: dependencies)
    }

    /// The answer to `request` when it can be made now; `nil` leaves it to the router.
    ///
    /// Everything else goes to the router: a first ask, a differently spelled repeat, a stale or
    /// expired body, a request announcing a body (which the router refuses), HEAD, every other route.
    func answer(_ request: HTTPRequest) -> FastAnswer? {
        guard request.method == .get, let target = request.path, !request.headerFields.announcesBody else {
            return nil
        }
        let path = target.utf8.firstIndex(of: UInt8(ascii: "?")).map { target[..<$0] } ?? target[...]
        let start = ContinuousClock.now
        var answer: FastAnswer
        let route: String
        if let lookup = lookups[path] {
            let now = dependencies.clock.now
            guard let body = dependencies.nearCache.body(forTarget: target, now: now) else { return nil }
            answer = dependencies.nearCacheHit(
                body, family: lookup.family, now: now, ifNoneMatch: request.headerFields[.ifNoneMatch])
            route = lookup.path
        } else if path == "/health" {
            answer = health.healthAnswer()
            route = "/health"
        } else {
            return nil
        }
        // Tracing off: this one branch is all it costs.
        if let tracer = dependencies.tracer {
            let duration = ContinuousClock.now - start
            FastPathSpan.record(
                tracer: tracer, request: request, route: route, duration: duration,
                cache: answer.headers[.xCache], status: answer.status
            ) {
                observation.finish(
                    status: answer.status, headers: &answer.headers, request: request, route: route, start: start)
            }
        } else {
            observation.finish(
                status: answer.status, headers: &answer.headers, request: request, route: route, start: start)
        }
        return answer
    }
}
