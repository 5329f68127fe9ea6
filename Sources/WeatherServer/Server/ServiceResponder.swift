public import Hummingbird
import WeatherCore

/// The service's responder: a near-cache fast path in front of the router.
///
/// A repeat `GET` of a lookup route whose exact request target has a fresh encoded body is answered
/// here, without the router's trie walk, its middleware chain or the route closure: one dictionary
/// lookup on the path, one near-cache lookup on the target, the headers, and the same observation
/// (`X-Request-Id`, metrics, log line) every routed request gets. Everything else — a first ask,
/// a differently spelled repeat, a stale or expired body, a request announcing a body, HEAD, every
/// other route — goes to the router.
/// The fast path never suspends, so it does not count towards `http_requests_in_flight`.
public struct ServiceResponder: HTTPResponder {
    /// Requests carry the service's context (the connection, for the per-client limit), as on the router.
    public typealias Context = ServiceRequestContext

    let router: RouterResponder<ServiceRequestContext>
    let lookups: [String: LookupRoute]
    let dependencies: ServiceDependencies
    let observation: RequestObservation

    /// Answers `request`: from the near-cache when it holds the exact target, else through the router.
    public func respond(to request: Request, context: Context) async throws -> Response {
        // A GET announcing a body is the router's to refuse (RequestObservationMiddleware).
        guard request.method == .get, !request.announcesBody,
            let route = lookups[request.uri.path]
        else {
            return try await router.respond(to: request, context: context)
        }
        let start = ContinuousClock.now
        let now = dependencies.clock.now
        guard let body = dependencies.nearCache.body(for: request.uri.string, now: now) else {
            return try await router.respond(to: request, context: context)
        }
        var response = dependencies.nearCacheHit(body, family: route.family, now: now, request: request)
        observation.finish(&response, request: request, route: route.path, start: start)
        return response
    }
}
