import WeatherCore

/// The process exit status for each class of failure: one place, so scripts can rely on it.
///
/// | status | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | anything else (the demo stub failed to start, …) |
/// | 2 | usage: a bad flag, place, date or configuration value |
/// | 3 | not found: OpenWeather knows no such place |
/// | 4 | upstream: key, subscription, rate limit, quota, 5xx, 400, an unexpected or undecodable answer |
/// | 5 | transport: timeout, refused, DNS, TLS, response too large, connection failed |
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    case failure = 1
    case usage = 2
    case notFound = 3
    case upstream = 4
    case transport = 5

    /// The status for a ``WeatherError`` code.
    init(for code: WeatherError.Code) {
        if code == .notFound {
            self = .notFound
        } else if code == .invalidRequest {
            self = .usage
        } else if code.isTransportFailure || code == .cacheUnavailable {
            self = .transport
        } else {
            // invalidAPIKey, subscriptionRequired, rateLimited, quotaExhausted, serverError,
            // badRequest, unexpectedResponse, decodingFailed — and any code added later.
            self = .upstream
        }
    }
}

/// A mistake in the arguments found while running (a bad place, date or list): exit status 2.
struct UsageError: Error, CustomStringConvertible {
    /// What is wrong and how to write it instead.
    var message: String
    /// The message.
    var description: String { message }
}
