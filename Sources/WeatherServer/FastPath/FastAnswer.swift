import HTTPTypes
import Hummingbird
import NIOCore
import WeatherServerCore
import WeatherPages

/// An answer made without suspending: a status, its headers and an optional pre-encoded body.
///
/// What `ServiceFastPath` hands to either of its callers — `FastPathChannelHandler`, which
/// writes it to the connection as HTTP parts, and ``ServiceResponder``, which returns it as a
/// Hummingbird `Response` — so both write the same bytes.
struct FastAnswer: Sendable {
    /// The response status.
    var status: HTTPResponse.Status
    /// The response headers, `Content-Length` included.
    var headers: HTTPFields
    /// The body, written as it is; `nil` for none (304).
    var body: ByteBuffer?

    /// An answer of `status` with `headers` and `body`; `Content-Length` is added from the body
    /// (`0` without one, as Hummingbird sends for an empty body).
    init(status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer?) {
        self.status = status
        self.headers = headers
        self.headers[.contentLength] = String(body?.readableBytes ?? 0)
        self.body = body
    }

    /// The answer as a Hummingbird response.
    var response: Response {
        Response(status: status, headers: headers, body: body.map { ResponseBody(byteBuffer: $0) } ?? ResponseBody())
    }
}
