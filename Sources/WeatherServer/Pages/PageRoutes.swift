import Hummingbird
import WeatherServerCore
import WeatherPages

/// The web pages for people: `/` (a card per tracked place) and `/place` (one place in depth),
/// with their stylesheet, script and icon. Server-rendered HTML and SVG from the same client the
/// API uses; complete without JavaScript.
enum PageRoutes {
    /// Adds the page routes to `router`.
    static func register(on router: Router<ServiceRequestContext>, dependencies: ServiceDependencies) {
        let home = HomePageResponder(dependencies: dependencies)
        let place = PlacePageResponder(dependencies: dependencies)
        router.get("/") { request, context in await home.respond(to: request, context: context) }
        router.get("/place") { request, context in await place.respond(to: request, context: context) }
        router.get("/assets/site.css") { _, _ in
            PageResponse.asset(PageAssets.stylesheetBuffer, contentType: "text/css; charset=utf-8")
        }
        router.get("/assets/refresh.js") { _, _ in
            PageResponse.asset(PageAssets.refreshScriptBuffer, contentType: "text/javascript; charset=utf-8")
        }
        for path in ["/favicon.svg", "/favicon.ico"] {
            router.get(RouterPath(path)) { _, _ in
                PageResponse.asset(PageAssets.faviconBuffer, contentType: "image/svg+xml")
            }
        }
    }
}
