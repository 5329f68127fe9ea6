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

    /// 401 on One Call: the key is valid, but the One Call version asked for needs its own
    /// "One Call by Call" subscription. The version is read from OpenWeather's message (`One Call 4.0
    /// requires…`); 3.0 when it names none.
    public static func subscriptionRequired(message: String? = nil, query: String? = nil, url: String? = nil)
        -> WeatherError
    {
        let version = message?.contains("4.0") == true ? "4.0" : "3.0"
        let page = version == "4.0" ? "https://openweathermap.org/api/one-call-4" : "https://openweathermap.org/api/one-call-3"
        return WeatherError(
            code: .subscriptionRequired,
            message: "One Call \(version) needs its own subscription. Subscribe to \"One Call by Call\" at \(page) "
                + "(it includes a free daily allowance) for the account of OPENWEATHER_API_KEY, use the other One "
                + "Call version if the account has it (ONECALL_VERSION=auto finds it), or use the 2.5 current "
                + "weather and forecast instead." + quoted(message),
            status: 401, query: query, url: url)
    }

    /// 401 from both One Call 3.0 and 4.0: the key has no One Call subscription at all.
    ///
    /// - Parameter underlying: the second refusal, whose query and redacted URL are kept.
    public static func noOneCallSubscription(underlying: WeatherError) -> WeatherError {
        var error = WeatherError(
            code: .subscriptionRequired,
            message: "The account of OPENWEATHER_API_KEY has no One Call subscription: OpenWeather refused both "
                + "One Call 3.0 and 4.0. Subscribe to \"One Call by Call\" at https://openweathermap.org/price "
                + "(new accounts get One Call 4.0; 1,000 calls a day are free). A key created in the last 2 hours "
                + "is refused the same way until it is active.",
            status: 401, query: underlying.query, url: underlying.url)
        error.underlying = underlying.message
        return error
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
