#if AsyncHTTPClient
    public import AsyncHTTPClient

    extension AsyncHTTPClientTransport {
        /// Settings for an ``AsyncHTTPClientTransport``.
        ///
        /// Connection settings (connect timeout, connections per host, TLS, proxy, decompression) belong to the
        /// `HTTPClient`; this configuration holds what the transport adds on top of it.
        public struct Configuration: Sendable {
            /// The client every request goes through. The transport never shuts it down: whoever created it does
            /// (`HTTPClient.shared`, the default, needs no shut-down).
            ///
            /// Give it decompression (`decompression: .enabled(limit: …)`, as `HTTPClient.shared` has) while
            /// ``acceptsCompressedBodies`` is on. Leave its tracer unset: AsyncHTTPClient's own spans record the
            /// URL's query, which carries the API key (``/WeatherCore/WeatherClient`` records a span of its own
            /// per upstream attempt, with the key redacted).
            public var client: HTTPClient
            /// The longest time a whole request may take, connection and body included.
            public var timeout: Duration
            /// Bodies larger than this (after decompression) fail with ``/WeatherCore/WeatherError/Code/responseTooLarge``.
            public var maxResponseBytes: Int
            /// The `User-Agent` header, sent when a request has none of its own.
            public var userAgent: String
            /// Whether to ask for gzip or deflate bodies (`Accept-Encoding`) when a request names no encoding of its
            /// own. Turn it off for a ``client`` whose decompression is disabled: the transport hands bodies on as the
            /// client delivers them.
            public var acceptsCompressedBodies: Bool

            /// Creates a configuration; every parameter has a default.
            public init(
                client: HTTPClient = .shared, timeout: Duration = .seconds(30), maxResponseBytes: Int = 8 * 1024 * 1024,
                userAgent: String = "weather-tracker (AsyncHTTPClient)", acceptsCompressedBodies: Bool = true
            ) {
                self.client = client
                self.timeout = timeout
                self.maxResponseBytes = maxResponseBytes
                self.userAgent = userAgent
                self.acceptsCompressedBodies = acceptsCompressedBodies
            }
        }
    }
#endif
