import CoreMetrics
import HTTPTypes
import Hummingbird
import Logging
import Synchronization
import WeatherCore
import WeatherServerCore
import WeatherPages

/// The one middleware in front of every route: request id, error → problem, metrics, and one
/// log line per request.
///
/// One layer instead of Hummingbird's `LogRequestsMiddleware` + `MetricsMiddleware`: those log no
/// status or duration, and `MetricsMiddleware` wraps the body in a post-write closure, which loses
/// the single batched write of a pre-encoded `ByteBuffer` body. Durations here end when the
/// response is handed to the server (before its bytes are written).
struct RequestObservationMiddleware<Context: RequestContext>: RouterMiddleware {
    let observation: RequestObservation

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let start = ContinuousClock.now
        observation.metrics.inFlight.increment()
        defer { observation.metrics.inFlight.decrement() }
        var response: Response
        var cut: RequestCut?
        do {
            // Every route is GET (HEAD goes to the router, which answers it as GET does) but the
            // batch, which is POST: any other method is 405 with `Allow`, whatever the path, rather
            // than a misleading 404.
            let batchPath = request.uri.path == BatchResponder.path
            let isBatch = batchPath && request.method == .post
            guard !batchPath || isBatch else { throw Problem.batchTakesPost }
            guard request.method == .get || request.method == .head || isBatch else {
                throw Problem.methodNotAllowed
            }
            // No other route reads a body: a GET that announces one (a huge Content-Length, chunked)
            // is refused before the server would wait for bytes that may never come.
            if request.announcesBody, !isBatch {
                throw Problem.bodyNotAllowed
            }
            response = try await next(request, context)
            // An answer made after cancellation (a page's "lookup cancelled") reaches no one either.
            if Task.isCancelled { cut = RequestCut.current }
        } catch let error where RequestCut.isCut(by: error) {
            // Not an error: the service group cut the request at shutdown, or the client left.
            // The answer below is for a connection that is still open, if any.
            cut = RequestCut.current
            response = Problem.requestCut.response()
        } catch let problem as Problem {
            response = problem.response()
        } catch let error as HTTPError {
            response = Self.problem(for: error).response()
        } catch {
            observation.logger.error(
                "unhandled error", metadata: ["path": .string(request.uri.path), "error": .string("\(error)")])
            response = Problem(
                status: .internalServerError, slug: "internal-error", title: "Internal error",
                detail: "The service failed to answer; the failure is in its log."
            ).response()
        }
        observation.finish(
            &response, request: request, route: context.endpointPath ?? "unmatched", start: start, cut: cut)
        return response
    }

    /// Hummingbird's errors (404 for an unknown route, 405, 413…) as problem documents.
    static func problem(for error: HTTPError) -> Problem {
        switch error.status {
        case .notFound:
            return Problem(
                status: .notFound, slug: "no-such-route", title: "No such route",
                detail: "There is no such route; GET /openapi.json lists them.")
        default:
            return Problem(
                status: error.status, slug: "http-\(error.status.code)", title: error.status.reasonPhrase,
                detail: error.body ?? error.status.reasonPhrase)
        }
    }
}

extension Problem {
    /// The answer to a GET or HEAD that carries a body.
    static let bodyNotAllowed = Problem(
        status: .badRequest, slug: "body-not-allowed", title: "Request body not allowed",
        detail: "GET and HEAD requests take no body; send none (no Content-Length or Transfer-Encoding).")

    /// 405 for any method but POST on `/v1/batch`.
    static let batchTakesPost = Problem(
        status: .methodNotAllowed, slug: "method-not-allowed", title: "Method not allowed",
        detail: "POST /v1/batch takes a JSON body of request targets; GET each lookup route itself.", allow: "POST")

    /// What a cut request answers, should its connection still be open (``RequestCut``).
    static let requestCut = Problem(
        status: .serviceUnavailable, slug: "request-cut", title: "Request cut",
        detail: "The request was cancelled before it was answered (the service may be shutting down); try again.",
        retryAfterSeconds: 1)

    /// The answer to a method no route takes.
    static let methodNotAllowed = Problem(
        status: .methodNotAllowed, slug: "method-not-allowed", title: "Method not allowed",
        detail: "Every route of this service takes GET (and HEAD) only, but POST /v1/batch.", allow: "GET, HEAD")
}
