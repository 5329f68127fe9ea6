extension RedisCacheStore.Configuration {
    /// How to reach Redis over TLS (`rediss://`): which CAs to trust and, optionally, the client
    /// certificate to present.
    ///
    /// The server's certificate is always verified, and its name checked against
    /// ``RedisCacheStore/Configuration/host`` (sent as SNI too, unless the host is an IP address).
    /// Files are read again at every (re)connect, so a rotated certificate is picked up without a
    /// restart.
    ///
    /// Debian's hiredis 0.14 has no TLS: the store speaks TLS with OpenSSL and hands hiredis a
    /// socket pair whose other end a small thread per connection relays through the TLS
    /// connection. Timeouts, pipelining, pooling and healing behave as over plain TCP; a relayed
    /// round trip costs two extra thread wake-ups (see the Redis benchmark's TLS row).
    public struct TLS: Sendable, Equatable {
        /// PEM file of the CAs to trust; `nil` trusts the system's CAs.
        public var caFile: String?
        /// PEM file of the client certificate (chain) to present, for servers that ask for one;
        /// needs ``keyFile``.
        public var certificateFile: String?
        /// PEM file of the client certificate's private key (without a passphrase).
        public var keyFile: String?

        /// TLS trusting `caFile` (the system's CAs when `nil`), with an optional client certificate.
        public init(caFile: String? = nil, certificateFile: String? = nil, keyFile: String? = nil) {
            self.caFile = caFile
            self.certificateFile = certificateFile
            self.keyFile = keyFile
        }
    }
}
