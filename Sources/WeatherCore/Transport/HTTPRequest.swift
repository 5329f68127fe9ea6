/// An HTTP request as WeatherCore builds it: method, absolute URL and headers.
///
/// The URL may carry the OpenWeather API key in its `appid` query item. ``description`` and
/// ``redactedURL`` never show it, so a request can be logged or put in an error safely.
public struct HTTPRequest: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The HTTP method, `GET` for every OpenWeather endpoint.
    public var method: String
    /// The absolute URL, query included (percent-encoded).
    public var url: String
    /// Header fields to send, in order.
    public var headers: [HTTPHeader]
    /// The longest this request may take, connection included; `nil` leaves it to the transport's
    /// own setting. A transport uses the smaller of the two and throws ``WeatherError/Code/timeout``
    /// after it. ``WeatherClient`` sets it to what is left of the refresh's deadline.
    public var timeout: Duration?

    /// Creates a request.
    public init(method: String = "GET", url: String, headers: [HTTPHeader] = [], timeout: Duration? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.timeout = timeout
    }

    /// The URL with the value of `appid` replaced by `REDACTED`: safe for logs and errors.
    public var redactedURL: String { URLRedaction.redact(url) }

    /// `GET <redacted URL>`.
    public var description: String { "\(method) \(redactedURL)" }

    /// Same as ``description``: the key is never shown, not even when debugging.
    public var debugDescription: String { "HTTPRequest(\(description))" }
}

/// One HTTP header field.
public struct HTTPHeader: Sendable, Equatable {
    /// The field name, as sent.
    public var name: String
    /// The field value.
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
