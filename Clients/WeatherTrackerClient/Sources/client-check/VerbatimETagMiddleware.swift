import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Sends `If-None-Match` as the ETag it is. The generated client percent-encodes header values, so
/// the ETag `"30bbcdcd9b573d6f"` would go out as `%2230bbcdcd9b573d6f%22`, which matches nothing
/// and never earns a 304 (apple/swift-openapi-generator#529 and #857; a middleware is the
/// maintainers' advice). Any client of this API that revalidates needs one like it.
struct VerbatimETagMiddleware: ClientMiddleware {
    /// Undoes the percent-encoding of `If-None-Match`, then passes the request on.
    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        if let value = request.headerFields[.ifNoneMatch], let verbatim = value.removingPercentEncoding {
            request.headerFields[.ifNoneMatch] = verbatim
        }
        return try await next(request, body, baseURL)
    }
}
