/// One upstream lookup as ``WeatherClient`` sees it: what to cache it under and how to send it.
///
/// The request builder (`OpenWeatherRequest`) adapts to this with a one-line conversion; the
/// HTTP request may carry the API key, the cache key never does, because it is built only
/// from ``family``, ``place`` and ``lang``.
public struct UpstreamRequest: Sendable {
    /// The endpoint family: selects the cache rule and the daily budget.
    public var family: EndpointFamily
    /// The endpoint's name in the cache key (`onecall`, `timemachine`, …); the family's name by default.
    public var endpoint: String
    /// The place the lookup is about, normalized into the cache key.
    public var place: CachePlace
    /// The response language, `nil` for upstream's default.
    public var lang: String?
    /// The place as a person would write it (`Zürich,CH`), for error messages; the normalized place when `nil`.
    public var query: String?
    /// Other parameters that change the answer (`cnt=8`, `exclude=minutely`), as `name=value`; sorted into the key.
    public var parameters: [String]
    /// Builds the HTTP request only when upstream is asked: a cache hit never pays for it.
    private let makeHTTP: @Sendable () -> TransportRequest

    /// The HTTP request to send upstream, in standard units, API key included.
    public var http: TransportRequest { makeHTTP() }

    /// Creates an upstream request.
    public init(
        family: EndpointFamily, endpoint: String? = nil, place: CachePlace, lang: String? = nil,
        parameters: [String] = [], query: String? = nil, http: TransportRequest
    ) {
        self.init(
            family: family, endpoint: endpoint, place: place, lang: lang, parameters: parameters, query: query
        ) { http }
    }

    /// Creates an upstream request whose HTTP request is built by `makeHTTP`, only when it is sent.
    public init(
        family: EndpointFamily, endpoint: String? = nil, place: CachePlace, lang: String? = nil,
        parameters: [String] = [], query: String? = nil, makeHTTP: @escaping @Sendable () -> TransportRequest
    ) {
        self.family = family
        self.endpoint = endpoint ?? family.rawValue
        self.place = place
        self.lang = lang
        self.parameters = parameters
        self.query = query
        self.makeHTTP = makeHTTP
    }
}

extension UpstreamRequest {
    /// The text naming the place in errors: ``query``, else the normalized place.
    var queryText: String { query ?? place.normalized() }
}
