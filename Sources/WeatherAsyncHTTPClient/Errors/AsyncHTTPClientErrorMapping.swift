#if AsyncHTTPClient
    import AsyncHTTPClient
    import NIOCore
    import NIOPosix
    import NIOSSL
    import WeatherCore

    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Musl)
        import Musl
    #elseif canImport(Darwin)
        import Darwin
    #endif

    /// The body did not arrive before the request's time limit ran out.
    struct BodyDeadlineExceeded: Error {}

    /// Turns what AsyncHTTPClient, NIO and NIOSSL throw into WeatherCore's typed transport error.
    enum AsyncHTTPClientErrorMapping {
        /// AsyncHTTPClient's own time-outs, every one a ``/WeatherCore/WeatherError/Code/timeout``.
        private static let timeouts: [HTTPClientError] = [
            .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .tlsHandshakeTimeout,
            .getConnectionFromPoolTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout,
        ]

        /// The error for a request that ended with `error`; its description, redacted, is kept in `underlying`, and
        /// `url` is redacted (again) by ``WeatherError``'s initializer.
        static func error(for error: any Error, url: String, maxBytes: Int) -> WeatherError {
            WeatherError.transport(
                kind(of: error), url: url,
                underlying: "AsyncHTTPClient: \(URLRedaction.redact(String(describing: error)))",
                maxBytes: maxBytes)
        }

        /// The transport code for `error`.
        static func kind(of error: any Error) -> WeatherError.Code {
            switch error {
            case is BodyDeadlineExceeded: .timeout
            case is NIOTooManyBytesError: .responseTooLarge
            case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError: .tlsFailure
            case let error as HTTPClientError: timeouts.contains(error) ? .timeout : .connectionFailed
            case let error as NIOConnectionError: kind(of: error)
            case let error as IOError: kind(errno: error.errnoCode)
            case let error as ChannelError:
                if case .connectTimeout = error { .timeout } else { .connectionFailed }
            default: .connectionFailed
            }
        }

        /// DNS failures when no address was found; otherwise what the first connection attempt ran into.
        private static func kind(of error: NIOConnectionError) -> WeatherError.Code {
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return .dnsFailure
            }
            return error.connectionErrors.first.map { kind(of: $0.error) } ?? .connectionFailed
        }

        private static func kind(errno: CInt) -> WeatherError.Code {
            switch errno {
            case ECONNREFUSED: .connectionRefused
            case ETIMEDOUT: .timeout
            default: .connectionFailed
            }
        }
    }
#endif
