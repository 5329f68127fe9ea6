/// Every failure WeatherCore and its adapters report: one type, with a ``code`` to switch on,
/// a message that tells the user what to do, and whether a retry can help.
///
/// The struct grows without breaking users: new codes are new static members of ``Code``.
/// No field ever holds the API key: URLs are redacted before they are stored.
public struct WeatherError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as a stable value usable as a metric label (`code.description`).
    public var code: Code
    /// A sentence for people: what happened and what to do about it.
    public var message: String
    /// The HTTP status upstream returned, when there was one.
    public var status: Int?
    /// How long upstream asked us to wait (`Retry-After`), for ``Code/rateLimited``.
    public var retryAfter: Duration?
    /// The place or query the request was about (never the API key).
    public var query: String?
    /// For decoding failures: where in the JSON document it failed, e.g. `list[3].main.temp`.
    public var jsonPath: String?
    /// For decoding failures: the offending token, shortened, or `end of input`.
    public var token: String?
    /// For decoding failures: the byte offset in the document.
    public var offset: Int?
    /// The redacted URL of the request that failed, when known.
    public var url: String?
    /// A description of the underlying cause (a libcurl or hiredis message), when there is one.
    public var underlying: String?

    /// Creates an error. Prefer the static factories (``invalidAPIKey(message:query:url:)``, …).
    public init(
        code: Code, message: String, status: Int? = nil, retryAfter: Duration? = nil, query: String? = nil,
        jsonPath: String? = nil, token: String? = nil, offset: Int? = nil, url: String? = nil,
        underlying: String? = nil
    ) {
        self.code = code
        self.message = message
        self.status = status
        self.retryAfter = retryAfter
        self.query = query
        self.jsonPath = jsonPath
        self.token = token
        self.offset = offset
        self.url = url.map { URLRedaction.redact($0) }
        self.underlying = underlying
    }

    /// Whether trying the same request again later can succeed (rate limits, timeouts, 5xx, …).
    public var isRetryable: Bool { code.isRetryable }

    /// One line: the code, the message and the context that helps (status, query, path, URL).
    public var description: String {
        var parts = ["\(code): \(message)"]
        if let status { parts.append("status \(status)") }
        if let query { parts.append("query \"\(query)\"") }
        if let jsonPath { parts.append("at \(jsonPath.isEmpty ? "$" : jsonPath)") }
        if let token { parts.append("near \(token)") }
        if let retryAfter { parts.append("retry after \(retryAfter.components.seconds)s") }
        if let url { parts.append(url) }
        if let underlying { parts.append("cause: \(underlying)") }
        return parts.joined(separator: "; ")
    }
}

extension WeatherError {
    /// The kind of failure. Compare with the static members: `error.code == .notFound`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case invalidAPIKey = "invalid_api_key"
            case subscriptionRequired = "subscription_required"
            case notFound = "not_found"
            case rateLimited = "rate_limited"
            case badRequest = "bad_request"
            case serverError = "server_error"
            case unexpectedResponse = "unexpected_response"
            case timeout
            case connectionRefused = "connection_refused"
            case dnsFailure = "dns_failure"
            case tlsFailure = "tls_failure"
            case responseTooLarge = "response_too_large"
            case connectionFailed = "connection_failed"
            case decodingFailed = "decoding_failed"
            case invalidRequest = "invalid_request"
            case quotaExhausted = "quota_exhausted"
            case cacheUnavailable = "cache_unavailable"
        }
        private let base: Base

        /// 401: the API key is missing, wrong or not yet activated.
        public static let invalidAPIKey = Code(base: .invalidAPIKey)
        /// 401: the key is valid but One Call 3.0 needs its own "One Call by Call" subscription.
        public static let subscriptionRequired = Code(base: .subscriptionRequired)
        /// 404: OpenWeather knows no such place.
        public static let notFound = Code(base: .notFound)
        /// 429: the account's rate limit was hit; see ``WeatherError/retryAfter``.
        public static let rateLimited = Code(base: .rateLimited)
        /// 400: OpenWeather rejected the query; its message says why.
        public static let badRequest = Code(base: .badRequest)
        /// 5xx: OpenWeather or a gateway in front of it failed.
        public static let serverError = Code(base: .serverError)
        /// A status or body WeatherCore does not understand (an HTML page, an empty error body, …).
        public static let unexpectedResponse = Code(base: .unexpectedResponse)
        /// The request did not complete in time.
        public static let timeout = Code(base: .timeout)
        /// The server refused the connection.
        public static let connectionRefused = Code(base: .connectionRefused)
        /// The host name could not be resolved.
        public static let dnsFailure = Code(base: .dnsFailure)
        /// The TLS handshake or certificate verification failed.
        public static let tlsFailure = Code(base: .tlsFailure)
        /// The response body exceeded the configured limit.
        public static let responseTooLarge = Code(base: .responseTooLarge)
        /// The connection failed or broke (reset, closed early, truncated transfer, …).
        public static let connectionFailed = Code(base: .connectionFailed)
        /// The body is not valid JSON or does not match the model; see ``WeatherError/jsonPath``.
        public static let decodingFailed = Code(base: .decodingFailed)
        /// The request is invalid before it is sent (latitude out of range, empty city, …).
        public static let invalidRequest = Code(base: .invalidRequest)
        /// The configured upstream call budget is spent and no stale data was available.
        public static let quotaExhausted = Code(base: .quotaExhausted)
        /// The cache store is unreachable; callers treat this as a miss.
        public static let cacheUnavailable = Code(base: .cacheUnavailable)

        /// Whether a retry of the same request can succeed.
        public var isRetryable: Bool {
            switch base {
            case .rateLimited, .serverError, .timeout, .connectionRefused, .connectionFailed, .quotaExhausted,
                .cacheUnavailable, .dnsFailure:
                return true
            case .invalidAPIKey, .subscriptionRequired, .notFound, .badRequest, .unexpectedResponse, .tlsFailure,
                .responseTooLarge, .decodingFailed, .invalidRequest:
                return false
            }
        }

        /// Whether no HTTP response was received (a failure of the transport, not of OpenWeather).
        public var isTransportFailure: Bool {
            switch base {
            case .timeout, .connectionRefused, .dnsFailure, .tlsFailure, .responseTooLarge, .connectionFailed:
                return true
            default:
                return false
            }
        }

        /// A short snake_case name, stable enough for a metric label.
        public var description: String { base.rawValue }
    }
}

extension WeatherError {
    /// A request that cannot be sent as asked (latitude out of range, empty city, `cnt` of 0, …).
    ///
    /// Not retryable: the same input fails the same way. `message` says what to change.
    public static func invalidRequest(_ message: String, query: String? = nil) -> WeatherError {
        WeatherError(code: .invalidRequest, message: message, query: query)
    }
}

extension WeatherError {
    /// The error with `key`'s literal value (and its percent-encoded form) redacted from every
    /// text it carries — message, query, URL, decoding token, underlying cause — as well as URL userinfo and secret
    /// query items: an upstream or a proxy that echoes the bare key in its answer must not have it
    /// quoted into a log line or a response.
    func redacting(_ key: APIKey) -> WeatherError {
        let secrets = [key.value]
        var error = self
        error.message = URLRedaction.redact(message, secrets: secrets)
        error.query = query.map { URLRedaction.redact($0, secrets: secrets) }
        error.url = url.map { URLRedaction.redact($0, secrets: secrets) }
        error.underlying = underlying.map { URLRedaction.redact($0, secrets: secrets) }
        error.token = token.map { URLRedaction.redact($0, secrets: secrets) }
        return error
    }
}
