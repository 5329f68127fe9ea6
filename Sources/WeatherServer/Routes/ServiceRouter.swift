import Hummingbird
import NIOCore
import WeatherCore
import WeatherServerCore
import WeatherPages

/// Builds the service's responder: every route behind `RequestObservationMiddleware`, with the
/// fast path (`ServiceFastPath`) in front.
public enum ServiceRouter {
    /// The responder for `dependencies`, recording into `metrics`: pass it to `Application(responder:)`.
    public static func make(dependencies: ServiceDependencies, metrics: ServiceMetrics) -> ServiceResponder {
        let observation = RequestObservation(
            metrics: metrics, logger: dependencies.logger, requestIDs: RequestIDGenerator())
        let router = build(dependencies: dependencies, metrics: metrics, observation: observation).router
        return ServiceResponder(
            router: router.buildResponder(),
            fastPath: ServiceFastPath(dependencies: dependencies, observation: observation))
    }

    /// The router and every path registered on it, in OpenAPI's spelling (`{city}` for `:city`):
    /// what the contract test compares with the OpenAPI document.
    static func build(
        dependencies: ServiceDependencies, metrics: ServiceMetrics, observation: RequestObservation? = nil
    ) -> (router: Router<ServiceRequestContext>, paths: [String]) {
        // HEAD answers as GET does, without the body (RFC 9110 §9.3.2).
        let router = Router(context: ServiceRequestContext.self, options: .autoGenerateHeadEndpoints)
        // Outermost, so the request's log line and every span below are inside its server span.
        if dependencies.tracer != nil {
            router.add(
                middleware: TracingMiddleware(redactingQueryParameters: TracingRedaction.queryParameters))
        }
        router.add(
            middleware: RequestObservationMiddleware(
                observation: observation
                    ?? RequestObservation(
                        metrics: metrics, logger: dependencies.logger, requestIDs: RequestIDGenerator())))
        router.add(middleware: UpstreamChargeMiddleware(dependencies: dependencies))
        for route in LookupRoute.all {
            let responder = LookupResponder(route: route, dependencies: dependencies)
            router.get(RouterPath(route.path)) { request, context in try await responder.respond(to: request, context: context) }
        }
        let legacy = LegacyWeatherResponder(dependencies: dependencies)
        router.get("/weather/:city") { request, context in
            try await legacy.respond(to: request, context: context, city: context.parameters.require("city"))
        }
        let health = HealthResponder(dependencies: dependencies)
        router.get("/health") { _, _ in health.health() }
        router.get("/ready") { _, _ in await health.ready() }
        // Built on the first request, not here: serializing it costs ~10 ms of start-up otherwise.
        router.get("/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: OpenAPIDocument.buffer))
        }
        router.get("/metrics") { _, _ in
            dependencies.refreshGauges(metrics)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.scrape())))
        }
        let tracked = TrackedResponder(dependencies: dependencies)
        router.get("/v1/tracked") { request, _ in try await tracked.respond(to: request) }
        let quota = QuotaResponder(dependencies: dependencies)
        router.get("/v1/quota") { _, _ in try await quota.respond() }
        let batch = BatchResponder(dependencies: dependencies)
        router.post(RouterPath(BatchResponder.path)) { request, _ in try await batch.respond(to: request) }
        PageRoutes.register(on: router, dependencies: dependencies)
        // Hummingbird lists what was registered, captures spelled as OpenAPI spells them (`{city}`).
        let paths = router.routes.filter { $0.method != .head }.map(\.path.description)
        return (router, paths)
    }
}
