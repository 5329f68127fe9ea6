import HTTPTypes
public import Hummingbird
import NIOCore
public import WeatherServerCore
import WeatherPages

extension Problem {
    /// The response: the document, `Cache-Control: no-store`, and `Retry-After` when known.
    func response() -> Response {
        var headers: HTTPFields = [
            .contentType: "application/problem+json",
            .cacheControl: "no-store",
        ]
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        if let allow { headers[.allow] = allow }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: jsonBytes)))
    }
}

extension Problem: HTTPResponseError {
    /// The same response as `response()`, for errors thrown through Hummingbird.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }
}
