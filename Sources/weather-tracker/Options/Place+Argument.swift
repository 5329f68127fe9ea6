import WeatherCore

extension Place {
    /// Parses a PLACE argument; a malformed one is a usage error (exit 2).
    static func argument(_ text: String) throws -> Place {
        try Place(parsing: text)  // WeatherError invalidRequest → exit status 2
    }
}
