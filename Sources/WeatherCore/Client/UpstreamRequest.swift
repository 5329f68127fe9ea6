/// One upstream lookup as ``WeatherClient`` sees it: what to cache it under and how to send it.
///
/// The request builder (`OpenWeatherRequest`) adapts to this with a one-line conversion; the
/// HTTP request may carry the API key, the cache key never does, because it is built only
/// from ``family``, ``place`` and ``lang``.
public struct UpstreamRequest: Sendable {
    /// The endpoint family: selects the cache rule, the daily budget, and names the key.
    public var family: EndpointFamily
    /// The place the lookup is about, normalized into the cache key.
    public var place: CachePlace
    /// The response language, `nil` for upstream's default.
    public var lang: String?
    /// The HTTP request to send upstream, in standard units, API key included.
    public var http: HTTPRequest

    /// Creates an upstream request.
    public init(family: EndpointFamily, place: CachePlace, lang: String? = nil, http: HTTPRequest) {
        self.family = family
        self.place = place
        self.lang = lang
        self.http = http
    }
}
