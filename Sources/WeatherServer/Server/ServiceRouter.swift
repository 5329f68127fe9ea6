public import Hummingbird
import NIOCore
import WeatherCore

/// Builds the service's router: every route behind ``RequestObservationMiddleware``.
public enum ServiceRouter {
    /// The router for `dependencies`, recording into `metrics`.
    public static func make(dependencies: ServiceDependencies, metrics: ServiceMetrics) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(
            middleware: RequestObservationMiddleware(
                metrics: metrics, logger: dependencies.logger, requestIDs: RequestIDGenerator()))
        for route in LookupRoute.all {
            let responder = LookupResponder(route: route, dependencies: dependencies)
            router.get(RouterPath(route.path)) { request, _ in try await responder.respond(to: request) }
        }
        let legacy = LegacyWeatherResponder(dependencies: dependencies)
        router.get("/weather/:city") { request, context in
            try await legacy.respond(to: request, city: context.parameters.require("city"))
        }
        let health = HealthResponder(dependencies: dependencies)
        router.get("/health") { _, _ in health.health() }
        router.get("/ready") { _, _ in await health.ready() }
        let openAPI = ByteBuffer(bytes: OpenAPIDocument.json)
        router.get("/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: openAPI))
        }
        router.get("/metrics") { _, _ in
            dependencies.refreshGauges(metrics)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
        let tracked = TrackedResponder(dependencies: dependencies)
        router.get("/v1/tracked") { request, _ in try await tracked.respond(to: request) }
        PageRoutes.register(on: router, dependencies: dependencies)
        return router
    }

    /// Every path the router serves, as the OpenAPI document names them (`{city}` for `:city`).
    static var paths: [String] {
        LookupRoute.all.map(\.path) + [LegacyWeatherResponder.path, "/health", "/ready", "/openapi.json", "/metrics", "/v1/tracked"]
    }
}
