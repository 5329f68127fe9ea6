/// A ``WebhookResolver`` that answers from a table: for tests, and for services that pin subscribers themselves.
///
/// Strict, like the other fakes here: a host missing from the table is an error, never a silent empty answer.
public struct StaticWebhookResolver: WebhookResolver {
    /// The answers, by lower-case host name.
    public var answers: [String: [IPAddress]]

    /// A resolver answering `answers` (host names are matched case-insensitively).
    public init(_ answers: [String: [IPAddress]]) {
        self.answers = Dictionary(answers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: +)
    }

    /// The table's answer for `host`.
    ///
    /// - Throws: ``WebhookResolutionError`` when the table has no (or an empty) answer for `host`.
    public func addresses(of host: String, port: Int) async throws(WebhookResolutionError) -> [IPAddress] {
        guard let found = answers[host.lowercased()], !found.isEmpty else {
            throw WebhookResolutionError("StaticWebhookResolver has no answer for \(host)")
        }
        return found
    }
}
