import HTTPTypes
import Hummingbird
import WeatherServerCore
import WeatherPages

extension HTTPFields {
    /// Whether a request with these fields says it carries a body: a `Content-Length` other than
    /// `0`, or any `Transfer-Encoding`. No route reads one, so a GET that announces a body is refused
    /// (`RequestObservationMiddleware`) and never takes the fast path (`ServiceFastPath`).
    var announcesBody: Bool {
        if let length = self[.contentLength], length != "0" { return true }
        return self[.transferEncoding] != nil
    }
}

extension Request {
    /// Whether the request says it carries a body (``HTTPFields/announcesBody``).
    var announcesBody: Bool { headers.announcesBody }
}
