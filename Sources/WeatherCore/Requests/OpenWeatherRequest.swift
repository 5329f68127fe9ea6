import HTTPTypes

/// One OpenWeather call, validated and ready to send: the endpoint, the place and the options.
///
/// It is the one request model: ``WeatherClient`` looks it up by its ``cacheKey`` (built from
/// ``endpoint``, ``Place/normalizedKey(coordinatePrecision:)``, ``parameters`` and ``language``)
/// and sends ``httpRequest(baseURL:apiKey:)`` upstream only when the cache cannot answer.
///
/// Create one with a factory (``current(_:language:)``, ``forecast(_:count:language:)``,
/// ``oneCall(_:exclude:language:)``, …), which checks the input and throws
/// ``WeatherError/Code/invalidRequest`` with a message saying what to fix. The model holds no secret:
/// the API key is added only by ``httpRequest(baseURL:apiKey:)``, as the last query item.
///
/// ```swift
/// let request = try OpenWeatherRequest.current(.city(name: "Zürich", country: "CH"), language: "de")
/// request.pathAndQuery  // /data/2.5/weather?q=Z%C3%BCrich,CH&units=standard&lang=de
/// let http = request.httpRequest(apiKey: APIKey("…"))
/// print(http)           // GET https://api.openweathermap.org/data/2.5/weather?q=…&appid=REDACTED
/// ```
public struct OpenWeatherRequest: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// OpenWeather's production API.
    public static let defaultBaseURL = "https://api.openweathermap.org"

    /// Which endpoint is called.
    public let endpoint: Endpoint
    /// Where the request is about, validated and trimmed; `nil` for a request about no place
    /// (the One Call 4.0 alert detail, which names an alert by its id).
    public let place: Place?
    /// The last path segment after the endpoint's path, percent-encoded: the alert id of
    /// ``Endpoint/oneCall4Alert``; `nil` for every other endpoint.
    public let pathSegment: String?
    /// The `lang` sent (lower-cased), or `nil` for OpenWeather's default, English.
    public let language: String?
    /// The endpoint's own parameters (`cnt`, `exclude`, `dt`, `date`, `tz`, `limit`, `start`, `end`),
    /// encoded, in the order they are sent.
    public let parameters: [QueryItem]

    /// Creates a request from parts that are already valid. Prefer the factories, which validate.
    package init(endpoint: Endpoint, place: Place, language: String? = nil, parameters: [QueryItem] = []) {
        self.endpoint = endpoint
        self.place = place
        self.pathSegment = nil
        self.language = language
        self.parameters = parameters
    }

    /// Creates a request about no place, for a resource named by one already percent-encoded path
    /// segment (`/data/4.0/onecall/alert/{id}`). Prefer the factories, which validate.
    package init(endpoint: Endpoint, encodedPathSegment: String) {
        self.endpoint = endpoint
        self.place = nil
        self.pathSegment = encodedPathSegment
        self.language = nil
        self.parameters = []
    }

    /// The URL path, e.g. `/data/2.5/weather`, or `/data/4.0/onecall/alert/<encoded id>`.
    public var path: String {
        guard let pathSegment else { return endpoint.path }
        return endpoint.path + "/" + pathSegment
    }

    /// What the request is about, as a person would write it, for error messages and
    /// ``WeatherError/query``: the place's ``Place/displayText``, or `alert <id>`.
    public var subjectText: String {
        if let place { return place.displayText }
        return "alert " + (pathSegment.map(PercentEncoding.decode) ?? "")
    }

    /// Every query item except the API key, in the order sent: the place, the endpoint's parameters,
    /// `units=standard` (where the endpoint takes units) and `lang`.
    public var queryItems: [QueryItem] {
        var items = place?.queryItems ?? []
        items += parameters
        if endpoint.takesUnits { items.append(QueryItem(name: "units", value: UnitSystem.standard.rawValue)) }
        if let language { items.append(QueryItem(name: "lang", value: language)) }
        return items
    }

    /// The path and the encoded query, without the API key: `/data/2.5/weather?q=London,GB&units=standard`.
    public var pathAndQuery: String {
        let query = queryItems.map(\.description).joined(separator: "&")
        return query.isEmpty ? path : "\(path)?\(query)"
    }

    /// The request to send: `GET baseURL + path + query`, with `appid` appended last.
    ///
    /// - Parameters:
    ///   - baseURL: scheme, host and optional port (and path prefix) of the server; a trailing `/` is
    ///     ignored. ``defaultBaseURL`` by default; a stub or proxy in tests.
    ///   - apiKey: the key; it appears only in the returned request's head (its path), which the
    ///     request's `description`, `debugDescription` and mirror redact.
    public func httpRequest(baseURL: String = OpenWeatherRequest.defaultBaseURL, apiKey: APIKey) -> TransportRequest {
        var base = Substring(baseURL)
        while base.last == "/" { base = base.dropLast() }
        let separator = queryItems.isEmpty ? "?" : "&"
        let url = "\(base)\(pathAndQuery)\(separator)appid=\(PercentEncoding.encode(apiKey.value))"
        return TransportRequest(url: url, headerFields: [.accept: "application/json"])
    }

    /// The endpoint family: selects the cache rule and the daily budget.
    public var family: EndpointFamily { endpoint.family }

    /// Its cache key with the default schema version and coordinate precision (a client builds it
    /// with its policy's: ``WeatherClient/cacheKey(for:)``).
    public var cacheKey: CacheKey { CacheKey(self) }

    /// `GET /path?query` (there is no key to redact: the model never holds it).
    public var description: String { "GET \(pathAndQuery)" }

    /// `OpenWeatherRequest(GET /path?query)`.
    public var debugDescription: String { "OpenWeatherRequest(\(description))" }
}
