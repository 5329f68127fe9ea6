import CCurl
import WeatherCore

/// Turns a libcurl result code into WeatherCore's typed transport error.
enum CurlErrorMapping {
    /// The error for a transfer that ended with `code`; `text` is libcurl's message, kept in
    /// `underlying`, and `url` is redacted (again) by ``WeatherError``'s initializer.
    static func error(
        for code: CURLcode, text: String, url: String?, exceededLimit: Bool, maxBytes: Int
    ) -> WeatherError {
        WeatherError.transport(
            kind(of: code, exceededLimit: exceededLimit), url: url,
            underlying: "curl \(code.rawValue): \(URLRedaction.redact(text))", maxBytes: maxBytes)
    }

    /// The transport code for a libcurl result.
    private static func kind(of code: CURLcode, exceededLimit: Bool) -> WeatherError.Code {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: .timeout
        case CURLE_COULDNT_CONNECT: .connectionRefused
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .dnsFailure
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            .tlsFailure
        case CURLE_FILESIZE_EXCEEDED: .responseTooLarge
        case CURLE_WRITE_ERROR where exceededLimit: .responseTooLarge
        default: .connectionFailed
        }
    }
}
