/// Removes the API key from URLs before they reach a log line, an error or a description.
///
/// A cross-module internal (`package`): WeatherCore's errors and requests, CurlTransport's error
/// messages and the service's request log use it; users see only its results (``TransportRequest/redactedURL``).
package enum URLRedaction {
    /// The text shown in place of a secret.
    package static let placeholder = "REDACTED"

    /// Query item names whose values are secrets.
    static let secretNames: Set<Substring> = [
        "appid", "apikey", "api_key", "key", "token", "access_token", "password", "secret",
    ]

    /// Returns `url` with the value of every secret query item (`appid`, …) replaced by `REDACTED`.
    package static func redact(_ url: String) -> String {
        guard let queryStart = url.firstIndex(of: "?") else { return url }
        let fragmentStart = url[queryStart...].firstIndex(of: "#") ?? url.endIndex
        let query = url[url.index(after: queryStart)..<fragmentStart]
        let items = query.split(separator: "&", omittingEmptySubsequences: false).map { item -> String in
            guard let eq = item.firstIndex(of: "=") else { return String(item) }
            let name = item[..<eq]
            return secretNames.contains(Substring(name.lowercased())) ? "\(name)=\(placeholder)" : String(item)
        }
        return String(url[...queryStart]) + items.joined(separator: "&") + String(url[fragmentStart...])
    }
}
