public import HTTPTypes

/// One request as a transport sends it: swift-http-types' `HTTPRequest` head, the body bytes
/// beside it, and how long it may take.
///
/// The head's path may carry the OpenWeather API key in its `appid` query item. ``description``,
/// ``debugDescription`` and the mirror show ``redactedURL`` instead, so a request can be logged or
/// put in an error safely. (`HTTPRequest`'s own description shows the path as it is: print `head`
/// only where the key may show.)
public struct TransportRequest: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Method, scheme, authority, path (query included, percent-encoded) and header fields.
    public var head: HTTPRequest
    /// The body to send, `nil` for none (every OpenWeather endpoint is a `GET` without one).
    public var body: [UInt8]?
    /// The longest this request may take, connection included; `nil` leaves it to the transport's
    /// own setting. A transport uses the smaller of the two and throws ``WeatherError/Code/timeout``
    /// after it. ``WeatherClient`` sets it to what is left of the refresh's deadline.
    public var timeout: Duration?

    /// Creates a request from its head, an optional body and an optional time limit.
    public init(head: HTTPRequest, body: [UInt8]? = nil, timeout: Duration? = nil) {
        self.head = head
        self.body = body
        self.timeout = timeout
    }

    /// The absolute URL with the value of `appid` (and every other secret query item) replaced by
    /// `REDACTED`: safe for logs and errors.
    public var redactedURL: String { URLRedaction.redact(head.absoluteURL) }

    /// `GET <redacted URL>`.
    public var description: String { "\(head.method) \(redactedURL)" }

    /// `TransportRequest(GET <redacted URL>)`: the key is never shown, not even when debugging.
    public var debugDescription: String { "TransportRequest(\(description))" }

    /// A mirror showing the redacted URL, so `dump(request)` and debuggers never reveal the API key.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "method": head.method.rawValue, "url": redactedURL, "headerFields": head.headerFields,
                "body": body as Any, "timeout": timeout as Any,
            ],
            displayStyle: .struct)
    }
}

extension TransportRequest {
    /// A request for an absolute URL such as `https://api.openweathermap.org/data/2.5/weather?q=Oslo`,
    /// split into the head's scheme, authority and path (query included) as given: nothing is
    /// parsed further or re-encoded, so the URL must already be percent-encoded.
    public init(
        method: HTTPRequest.Method = .get, url: String, headerFields: HTTPFields = [:], body: [UInt8]? = nil,
        timeout: Duration? = nil
    ) {
        self.init(
            head: HTTPRequest(method: method, absoluteURL: url, headerFields: headerFields), body: body,
            timeout: timeout)
    }
}
