import Hummingbird

extension Request {
    /// Whether the request says it carries a body: a `Content-Length` other than `0`, or any
    /// `Transfer-Encoding`. No route reads one, so a GET that announces a body is refused
    /// (``RequestObservationMiddleware``) and never takes the near-cache fast path (``ServiceResponder``).
    var announcesBody: Bool {
        if let length = headers[.contentLength], length != "0" { return true }
        return headers[.transferEncoding] != nil
    }
}
