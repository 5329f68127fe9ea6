import Hummingbird
import WeatherCore
import WeatherServerCore
import WeatherPages

/// Serves every routed request with its client's ``UpstreamCharge``, so each upstream call the
/// request causes — on any route or page — is charged to that client; and marks the answers of
/// lookup routes, problems included, with the client's `RateLimit-Policy` and `RateLimit` fields
/// (``RateLimitFields``) when the per-client limit is on.
///
/// Warm hits answered by the fast path (`ServiceFastPath`) never get here, so they carry no
/// RateLimit fields: they cost the client nothing, and reading its bucket would add an address
/// parse and a lock to the path that answers without either. Every answer that can spend a
/// token — a miss, a differently spelled repeat, a 429 — carries them.
struct UpstreamChargeMiddleware: RouterMiddleware {
    let dependencies: ServiceDependencies
    private let lookupPaths: Set<String>

    init(dependencies: ServiceDependencies) {
        self.dependencies = dependencies
        lookupPaths = Set(LookupRoute.all.map(\.path) + [BatchResponder.path])
    }

    func handle(
        _ request: Request, context: ServiceRequestContext,
        next: (Request, ServiceRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let charge = dependencies.upstreamCharge(for: request, context: context) else {
            return try await next(request, context)
        }
        guard isLookup(request.uri.path) else {
            return try await UpstreamPayment.$payer.withValue(charge) { try await next(request, context) }
        }
        var response: Response
        do {
            response = try await UpstreamPayment.$payer.withValue(charge) { try await next(request, context) }
        } catch let problem as Problem {
            response = problem.response()
        }
        // Read after the lookup, so the fields count the tokens it took.
        if let fields = charge.rateLimitFields {
            response.headers[.rateLimitPolicy] = fields.policy
            response.headers[.rateLimit] = fields.current
        }
        return response
    }

    /// A lookup route, the legacy `/weather/{city}`, or the batch of lookups.
    private func isLookup(_ path: String) -> Bool {
        lookupPaths.contains(path) || path.hasPrefix("/weather/")
    }
}
