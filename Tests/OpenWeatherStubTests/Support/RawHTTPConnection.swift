import TestSupport

/// Sends bytes exactly as given over one TCP connection to 127.0.0.1 and reads until the server
/// closes it: for requests no HTTP client library would send as they are (raw UTF-8 in the URL).
enum RawHTTPConnection {
    /// Writes `request` to `port` and returns everything the server sent before closing.
    static func exchange(port: Int, _ request: [UInt8]) throws -> [UInt8] {
        let connection = try KeepAliveConnection(port: port)
        try connection.transmit(bytes: request)
        return connection.bytesUntilClosed()
    }

    /// The responses in `bytes` (each with a `Content-Length`), as (status, body text).
    static func responses(_ bytes: [UInt8]) -> [(status: Int, body: String)] {
        KeepAliveConnection.responses(in: bytes).map { ($0.status, $0.body) }
    }
}
