public import HTTPTypes

extension HTTPField.Name {
    /// `X-Cache`: how the lookup was answered (`HIT`, `MISS`, `STALE`, `REVALIDATED`).
    static let xCache = HTTPField.Name("X-Cache")!
    /// `X-Request-Id`: taken from the request when it carries a sane one, else made; always echoed.
    static let xRequestID = HTTPField.Name("X-Request-Id")!
}
