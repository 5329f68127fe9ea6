import Foundation

extension WeatherError {
    /// The error as the caller asking about `subject` (``OpenWeatherRequest/subjectText``) with
    /// `http` should see it: a coalesced refresh
    /// fails once for every caller waiting on the key, but callers may have written the place
    /// differently (`Paris`, `PARIS`), so the query text and URL are each caller's own, never the
    /// first caller's.
    func addressed(to subject: String, url http: @autoclosure () -> TransportRequest) -> WeatherError {
        let own = subject
        var error = self
        if let shared = query, shared != own {
            error.query = own
            error.message = message.replacingOccurrences(of: "\"\(shared)\"", with: "\"\(own)\"")
        }
        if url != nil { error.url = http().redactedURL }
        return error
    }
}
