public import Foundation

extension OpenWeatherStub {
    /// How a stub listens, which API key it accepts (and for which One Call versions), how it tells
    /// the time, and which One Call 4.0 quirks it shows.
    public struct Configuration: Sendable {
        /// The address to bind; loopback by default.
        public var host: String
        /// The port to bind; 0 lets the OS pick a free one (read it back from ``OpenWeatherStub/port``).
        public var port: Int
        /// The only `appid` accepted, or `nil` to accept any key (or none). Default: `stub-key`.
        public var apiKey: String?
        /// How long synthetic weather stays the same for the same query.
        public var timeBucket: Duration
        /// Event loop threads serving connections.
        public var eventLoopThreads: Int
        /// Whether responses are compressed (gzip/deflate) for clients that send `Accept-Encoding`.
        public var compressResponses: Bool
        /// The current time in Unix seconds; inject a fixed value for reproducible bodies.
        public var now: @Sendable () -> Int
        /// Which One Call versions the key may call; the other answers 401 (default: both).
        public var oneCallPlan: OneCallPlan
        /// One Call 4.0 behaviours switched away from their defaults (none by default).
        public var oneCall4Quirks: Set<OneCall4Quirk>
        /// Scheme and authority of One Call 4.0 `prev`/`next` links (`https://api.openweathermap.org`,
        /// no trailing slash); `nil` builds them from how the request reached the stub
        /// (`http://` and its `Host`, or the scheme and host of an absolute-form target).
        public var oneCall4LinkBase: String?

        /// The key accepted by default.
        public static let defaultAPIKey = "stub-key"

        /// Creates a configuration; every parameter has a default.
        public init(
            host: String = "127.0.0.1", port: Int = 0, apiKey: String? = Configuration.defaultAPIKey,
            timeBucket: Duration = .seconds(600), eventLoopThreads: Int = 1, compressResponses: Bool = true,
            now: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) },
            oneCallPlan: OneCallPlan = .both, oneCall4Quirks: Set<OneCall4Quirk> = [], oneCall4LinkBase: String? = nil
        ) {
            self.host = host
            self.port = port
            self.apiKey = apiKey
            self.timeBucket = timeBucket
            self.eventLoopThreads = eventLoopThreads
            self.compressResponses = compressResponses
            self.now = now
            self.oneCallPlan = oneCallPlan
            self.oneCall4Quirks = oneCall4Quirks
            self.oneCall4LinkBase = oneCall4LinkBase
        }
    }
}
