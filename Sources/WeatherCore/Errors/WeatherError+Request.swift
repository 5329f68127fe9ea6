extension WeatherError {
    /// A request that cannot be sent as asked (latitude out of range, empty city, `cnt` of 0, …).
    ///
    /// Not retryable: the same input fails the same way. `message` says what to change.
    public static func invalidRequest(_ message: String, query: String? = nil) -> WeatherError {
        WeatherError(code: .invalidRequest, message: message, query: query)
    }
}
