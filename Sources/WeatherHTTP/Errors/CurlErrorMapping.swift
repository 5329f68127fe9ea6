import CCurl
import WeatherCore

/// Turns a libcurl result code into WeatherCore's typed transport error.
enum CurlErrorMapping {
    /// The error for a transfer that ended with `code`; `text` is libcurl's message, kept in
    /// `underlying`, and `url` is redacted (again) by ``WeatherError``'s initializer.
    static func error(
        for code: CURLcode, text: String, url: String?, exceededLimit: Bool, maxBytes: Int
    ) -> WeatherError {
        let (kind, message) = classify(code, exceededLimit: exceededLimit, maxBytes: maxBytes)
        return WeatherError(
            code: kind, message: message, url: url,
            underlying: "curl \(code.rawValue): \(URLRedaction.redact(text))")
    }

    static func classify(_ code: CURLcode, exceededLimit: Bool, maxBytes: Int) -> (WeatherError.Code, String) {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return (.timeout, "The server did not answer in time. Try again later, or raise the timeout.")
        case CURLE_COULDNT_CONNECT:
            return (
                .connectionRefused, "The server refused the connection. Check the base URL and that the server is up."
            )
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return (.dnsFailure, "The host name could not be resolved. Check the base URL and the network's DNS.")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            return (
                .tlsFailure,
                "The TLS handshake or certificate verification failed. Check the system's CA certificates or the CA bundle setting."
            )
        case CURLE_FILESIZE_EXCEEDED:
            return (.responseTooLarge, tooLargeMessage(maxBytes))
        case CURLE_WRITE_ERROR where exceededLimit:
            return (.responseTooLarge, tooLargeMessage(maxBytes))
        default:
            return (
                .connectionFailed,
                "The connection failed or broke before the response was complete. Try again; check the network if it persists."
            )
        }
    }

    private static func tooLargeMessage(_ maxBytes: Int) -> String {
        "The response is larger than the limit of \(maxBytes) bytes. Raise maxResponseBytes if such responses are expected."
    }
}
