// TODO(domain): replace with the request/error-mapping branch's mapper (`OpenWeatherErrorMapping`)
// once it lands; this minimal version only covers what the client's policy depends on.

/// Maps a non-2xx upstream response to a ``WeatherError`` (minimal, internal).
enum UpstreamErrorMapper {
    static func error(for response: HTTPResponse, request: HTTPRequest) -> WeatherError {
        let url = request.url  // WeatherError redacts it
        switch response.status {
        case 401:
            return WeatherError(
                code: .invalidAPIKey, message: "OpenWeather rejected the API key; check it is correct and activated",
                status: 401, url: url)
        case 404:
            return WeatherError(
                code: .notFound, message: "OpenWeather knows no such place; check the spelling", status: 404, url: url)
        case 429:
            return WeatherError(
                code: .rateLimited, message: "OpenWeather rate limit reached; retry later", status: 429,
                retryAfter: retryAfter(response.header("retry-after")), url: url)
        case 400:
            return WeatherError(
                code: .badRequest, message: "OpenWeather rejected the query", status: 400, url: url)
        case 500...599:
            return WeatherError(
                code: .serverError, message: "OpenWeather failed (\(response.status)); retry later",
                status: response.status, url: url)
        default:
            return WeatherError(
                code: .unexpectedResponse, message: "unexpected status \(response.status) from OpenWeather",
                status: response.status, url: url)
        }
    }

    /// `Retry-After` in delta-seconds; HTTP-date values are ignored (OpenWeather sends seconds).
    static func retryAfter(_ value: String?) -> Duration? {
        guard let value, let seconds = Int(value.trimmingPrefixWhitespace()), seconds >= 0 else { return nil }
        return .seconds(seconds)
    }
}

extension String {
    fileprivate func trimmingPrefixWhitespace() -> Substring {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? endIndex
        return start < end ? self[start..<end] : ""
    }
}
