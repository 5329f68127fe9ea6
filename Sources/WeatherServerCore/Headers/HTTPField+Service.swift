package import HTTPTypes

extension HTTPField.Name {
    /// `X-Cache`: how the lookup was answered (`HIT`, `MISS`, `STALE`, `REVALIDATED`).
    package static let xCache = HTTPField.Name("X-Cache")!
    /// `X-Request-Id`: taken from the request when it carries a sane one, else made; always echoed.
    package static let xRequestID = HTTPField.Name("X-Request-Id")!
}

extension HTTPField.Name {
    /// `X-Forwarded-For`: read only when `TRUSTED_PROXY_HOPS` says proxies append to it.
    package static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!

    /// Set by the fast-path channel handler on a request it asked the fast path about and passes on,
    /// so that ``ServiceResponder`` does not ask again; removed from every other request it passes
    /// on, so a client cannot set it (it could only skip the fast path for itself).
    package static let fastPathDeclined = HTTPField.Name("X-Weather-Tracker-Fast-Path-Declined")!
}
