/// A failure the stub injects instead of (or before) its normal answer, so that clients can be
/// tested against everything a real upstream and the network in between can do to them.
public enum StubFault: Sendable, Equatable {
    /// Waits this long before answering normally.
    case latency(Duration)
    /// Answers with this status (e.g. 500, 503) and a JSON error body.
    case status(Int)
    /// Answers 429 with OpenWeather's rate-limit body, and `Retry-After: seconds` when given —
    /// `nil` sends none, as OpenWeather usually does.
    case rateLimited(retryAfter: Int?)
    /// Announces the full `Content-Length`, sends only half of the body, then closes the connection.
    case truncatedBody
    /// Answers 200 with a body that is not valid JSON.
    case malformedJSON
    /// Answers 502 with the HTML page OpenWeather's gateway (openresty) sends.
    case htmlErrorPage
    /// Sends the normal body `chunkSize` bytes at a time, waiting `interval` between chunks.
    case slowDrip(chunkSize: Int, interval: Duration)
    /// Closes the connection with a TCP reset (SO_LINGER 0) as soon as the request arrives.
    case connectionReset
    /// Answers normally, but as of `seconds` ago: the observation time (`dt`) and the weather go
    /// backwards, as when a lagging OpenWeather node answers after a fresher one did.
    case olderObservation(seconds: Int)
    /// Answers normally, with this One Call 4.0 quirk switched on (as if configured) for the
    /// request; like latency, every matching quirk rule applies, beside at most one other fault.
    case oneCall4Quirk(OneCall4Quirk)
}
