public import Hummingbird
import WeatherCore
import WeatherServerCore
import WeatherPages

/// The service's responder: the fast path (`ServiceFastPath`) in front of the router.
///
/// With the service's server (``ServiceHTTPServer``) most fast answers are made on the event loop
/// before a request reaches Hummingbird; this covers the rest (and in-process tests, which run
/// no channel): whatever the fast path cannot answer goes to the router.
public struct ServiceResponder: HTTPResponder {
    /// Requests carry the service's context (the connection, for the per-client limit), as on the router.
    public typealias Context = ServiceRequestContext

    let router: RouterResponder<ServiceRequestContext>
    let fastPath: ServiceFastPath

    /// Answers `request`: from the fast path when it can, else through the router. A request the
    /// fast-path channel handler already asked about (and passed on) goes straight to the router.
    public func respond(to request: Request, context: Context) async throws -> Response {
        if request.headers[.fastPathDeclined] == nil, let answer = fastPath.answer(request.head) {
            return answer.response
        }
        return try await router.respond(to: request, context: context)
    }
}
