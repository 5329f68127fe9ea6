extension WeatherError {
    /// The error a transport throws when no response arrived: one message per transport code, the same for every
    /// adapter (libcurl, AsyncHTTPClient), so users and logs read the same text whichever one sends.
    ///
    /// - Parameters:
    ///   - code: a transport code (``Code/timeout``, ``Code/connectionRefused``, ``Code/dnsFailure``,
    ///     ``Code/tlsFailure``, ``Code/responseTooLarge``); any other code reads as ``Code/connectionFailed``'s text.
    ///   - url: the request's URL; redacted by ``init(code:message:status:retryAfter:query:jsonPath:token:offset:url:underlying:)``.
    ///   - underlying: the library's own description of the cause, already redacted.
    ///   - maxBytes: the body limit, named by ``Code/responseTooLarge``'s message.
    package static func transport(_ code: Code, url: String?, underlying: String?, maxBytes: Int) -> WeatherError {
        WeatherError(code: code, message: transportMessage(code, maxBytes: maxBytes), url: url, underlying: underlying)
    }

    /// What happened and what to do, for a transport code.
    package static func transportMessage(_ code: Code, maxBytes: Int) -> String {
        switch code {
        case .timeout:
            "The server did not answer in time. Try again later, or raise the timeout."
        case .connectionRefused:
            "The server refused the connection. Check the base URL and that the server is up."
        case .dnsFailure:
            "The host name could not be resolved. Check the base URL and the network's DNS."
        case .tlsFailure:
            "The TLS handshake or certificate verification failed. Check the system's CA certificates or the CA bundle setting."
        case .responseTooLarge:
            "The response is larger than the limit of \(maxBytes) bytes. Raise maxResponseBytes if such responses are expected."
        default:
            "The connection failed or broke before the response was complete. Try again; check the network if it persists."
        }
    }
}
