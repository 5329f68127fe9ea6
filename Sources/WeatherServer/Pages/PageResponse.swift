import HTTPTypes
import Hummingbird
import NIOCore
import WeatherServerCore
import WeatherPages

/// How every page and page asset is answered: the body with its content type, plus the security
/// headers every page carries.
enum PageResponse {
    /// No inline script or style, no other origin: our stylesheet and script are same-origin files,
    /// images are inline SVG or `data:`, forms post only to us, and no one may frame the pages.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; form-action 'self'; "
        + "base-uri 'none'; frame-ancestors 'none'"

    /// The headers of every page response, HTML or asset.
    static var securityHeaders: HTTPFields {
        [
            .contentSecurityPolicy: contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            .referrerPolicy: "no-referrer",
        ]
    }

    /// An HTML page; pages show live data, so caches must ask again (`no-cache`).
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    /// A static asset of ours (stylesheet, script, icon), cacheable for an hour.
    static func asset(_ buffer: ByteBuffer, contentType: String) -> Response {
        var headers = securityHeaders
        headers[.contentType] = contentType
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }
}

extension HTTPField.Name {
    /// `Referrer-Policy`.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
