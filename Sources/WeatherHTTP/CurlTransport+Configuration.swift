extension CurlTransport {
    /// Settings for a ``CurlTransport``. TLS verification cannot be turned off.
    public struct Configuration: Sendable {
        /// The longest time to wait for a connection (DNS, TCP and TLS).
        public var connectTimeout: Duration
        /// The longest time a whole request may take, connection included.
        public var timeout: Duration
        /// Bodies larger than this (after decompression) fail with ``/WeatherCore/WeatherError/Code/responseTooLarge``.
        public var maxResponseBytes: Int
        /// The most connections kept open to one host; more concurrent requests wait for a free one.
        public var maxConnectionsPerHost: Int
        /// The `User-Agent` header.
        public var userAgent: String
        /// A CA bundle file to trust instead of the system's, e.g. for a private test CA.
        public var caBundlePath: String?
        /// A PEM client certificate presented to servers that ask for one (mutual TLS), with
        /// ``clientKeyPath``.
        public var clientCertificatePath: String?
        /// The PEM private key of ``clientCertificatePath``.
        public var clientKeyPath: String?

        /// Creates a configuration; every parameter has a default.
        public init(
            connectTimeout: Duration = .seconds(10), timeout: Duration = .seconds(30),
            maxResponseBytes: Int = 8 * 1024 * 1024, maxConnectionsPerHost: Int = 8,
            userAgent: String = "weather-tracker (libcurl)", caBundlePath: String? = nil,
            clientCertificatePath: String? = nil, clientKeyPath: String? = nil
        ) {
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.maxResponseBytes = maxResponseBytes
            self.maxConnectionsPerHost = maxConnectionsPerHost
            self.userAgent = userAgent
            self.caBundlePath = caBundlePath
            self.clientCertificatePath = clientCertificatePath
            self.clientKeyPath = clientKeyPath
        }
    }
}
