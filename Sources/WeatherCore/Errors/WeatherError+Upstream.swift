extension WeatherError {
    /// Where keys are managed, named in every key-related message.
    static let apiKeysPage = "https://home.openweathermap.org/api_keys"

    /// 401: OpenWeather rejected the API key.
    ///
    /// - Parameters:
    ///   - message: what OpenWeather said, appended to the advice when present.
    ///   - query: the place or query asked about, for the message and ``WeatherError/query``.
    ///   - url: the request's URL; it is stored redacted.
    public static func invalidAPIKey(message: String? = nil, query: String? = nil, url: String? = nil) -> WeatherError {
        WeatherError(
            code: .invalidAPIKey,
            message: "OpenWeather rejected the API key. Check OPENWEATHER_API_KEY holds an active key from "
                + "\(apiKeysPage) (a new key can take up to 2 hours to activate)." + quoted(message),
            status: 401, query: query, url: url)
    }

    /// 401 on One Call 3.0: the key is valid, but One Call needs the "One Call by Call" subscription.
    public static func subscriptionRequired(message: String? = nil, query: String? = nil, url: String? = nil)
        -> WeatherError
    {
        WeatherError(
            code: .subscriptionRequired,
            message: "One Call 3.0 needs its own subscription. Subscribe to \"One Call by Call\" at "
                + "https://openweathermap.org/api/one-call-3 (it includes a free daily allowance) for the account "
                + "of OPENWEATHER_API_KEY, or use the 2.5 current weather and forecast instead." + quoted(message),
            status: 401, query: query, url: url)
    }

    /// 404: OpenWeather knows no place matching `query`.
    public static func notFound(query: String?, message: String? = nil, url: String? = nil) -> WeatherError {
        let subject = query.map { "no place matching \"\($0)\"" } ?? "no such place"
        return WeatherError(
            code: .notFound,
            message: "OpenWeather found \(subject). Check the spelling, add a country code (e.g. \"London,GB\"), "
                + "or look the place up by coordinates." + quoted(message),
            status: 404, query: query, url: url)
    }

    /// 404 whose message is not OpenWeather's "not found" (e.g. `"Internal error"`, what it sends for
    /// a path it does not serve): an upstream failure, never cached as "no such place".
    public static func unexpectedNotFound(message: String, query: String? = nil, url: String? = nil) -> WeatherError {
        WeatherError(
            code: .serverError,
            message: "OpenWeather answered HTTP 404 without saying the place is unknown. Treated as an upstream "
                + "failure, not as \"no such place\": check the base URL and path, and retry later." + quoted(message),
            status: 404, query: query, url: url)
    }

    /// 429: the account's rate limit was hit.
    public static func rateLimited(
        retryAfter: Duration?, message: String? = nil, query: String? = nil, url: String? = nil
    ) -> WeatherError {
        let wait =
            retryAfter.map { "Wait \(max(1, Int($0.seconds.rounded(.up)))) s before retrying" }
            ?? "Wait a minute before retrying (OpenWeather counts calls per minute)"
        return WeatherError(
            code: .rateLimited,
            message: "OpenWeather's rate limit for this API key was hit. \(wait), lower the request rate "
                + "(a longer cache TTL helps), or choose a plan with a higher limit." + quoted(message),
            status: 429, retryAfter: retryAfter, query: query, url: url)
    }

    /// 400: OpenWeather rejected the request's parameters; its `message` says which.
    public static func badRequest(message: String?, query: String? = nil, url: String? = nil) -> WeatherError {
        let reason =
            message.map { "OpenWeather rejected the request: \"\($0)\"." } ?? "OpenWeather rejected the request."
        return WeatherError(
            code: .badRequest,
            message: "\(reason) Check the place and parameters (latitude -90…90, longitude -180…180, a non-empty "
                + "city name, a valid date).",
            status: 400, query: query, url: url)
    }

    /// 5xx: OpenWeather or a gateway in front of it failed.
    ///
    /// - Parameters:
    ///   - status: the HTTP status received.
    ///   - detail: what the body said (OpenWeather's message or an HTML page's title).
    ///   - retryAfter: the `Retry-After` received, if any.
    ///   - query: the place or query asked about, for the message and ``WeatherError/query``.
    ///   - url: the request's URL; it is stored redacted.
    public static func serverError(
        status: Int, detail: String? = nil, retryAfter: Duration? = nil, query: String? = nil, url: String? = nil
    ) -> WeatherError {
        let wait = retryAfter.map { "wait \(max(1, Int($0.seconds.rounded(.up)))) s and retry" } ?? "retry in a moment"
        return WeatherError(
            code: .serverError,
            message: "OpenWeather failed with HTTP \(status)\(detail.map { " (\($0))" } ?? ""). This is on their side; "
                + "\(wait); if it persists, check https://status.openweathermap.org.",
            status: status, retryAfter: retryAfter, query: query, url: url)
    }

    /// A status or body that does not look like OpenWeather's API: an HTML page, an empty body, a redirect.
    ///
    /// - Parameters:
    ///   - status: the HTTP status received.
    ///   - problem: what was received, e.g. `an HTML page ("404 Not Found")`.
    ///   - query: the place or query asked about, for the message and ``WeatherError/query``.
    ///   - url: the request's URL; it is stored redacted.
    public static func unexpectedResponse(
        status: Int, problem: String, query: String? = nil, url: String? = nil
    ) -> WeatherError {
        WeatherError(
            code: .unexpectedResponse,
            message:
                "Expected a JSON answer from OpenWeather but got HTTP \(status) with \(problem). Check the base URL "
                + "points at the OpenWeather API (https://api.openweathermap.org) and no proxy or captive portal "
                + "is answering instead.",
            status: status, query: query, url: url)
    }

    /// ` OpenWeather said: "…".` or nothing.
    static func quoted(_ message: String?) -> String {
        guard let message, !message.isEmpty else { return "" }
        return " OpenWeather said: \"\(message)\""
    }
}
