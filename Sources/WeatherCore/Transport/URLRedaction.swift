/// The one redaction of secrets in text that may reach a log, a metric, an error or a response:
/// a URL, curl's message, an upstream body quoted in an error.
///
/// It removes, wherever they appear in the text: the userinfo of every URL
/// (`http://user:pw@proxy/` → `http://REDACTED@proxy/`), the value of every secret query item
/// (`appid=…`, `api_key=…`, `token=…`, in any case), and — given the secrets themselves — their
/// literal values (a proxy page that echoes the bare key).
package enum URLRedaction {
    /// The text shown in place of a secret.
    package static let placeholder = "REDACTED"

    /// Query item names whose values are secrets.
    package static let secretNames: Set<String> = [
        "appid", "apikey", "api_key", "key", "token", "access_token", "password", "secret",
    ]

    /// Characters that end a query item's value or a URL's userinfo in free text.
    private static let valueEnd: Set<Character> = [
        "&", " ", "\t", "\n", "\"", "'", ")", ",", ";", "#", "<", ">", "]", "}",
    ]

    /// `text` with userinfo, secret query items and every one of `secrets` (and its
    /// percent-encoded form) replaced by ``placeholder``.
    package static func redact(_ text: String, secrets: [String] = []) -> String {
        var result = redactUserinfo(redactQueryItems(text))
        for secret in secrets where secret.utf8.count >= 4 {
            for form in Set([secret, PercentEncoding.encode(secret)]) where result.contains(form) {
                result = result.replacingAll(form, with: placeholder)
            }
        }
        return result
    }

    /// The value after every secret name and `=` replaced.
    private static func redactQueryItems(_ text: String) -> String {
        guard text.contains("=") else { return text }
        var result = ""
        var rest = Substring(text)
        while let equals = rest.firstIndex(of: "=") {
            let before = rest[..<equals]
            let nameStart =
                before.lastIndex(where: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(before.index(after:))
                ?? before.startIndex
            let name = before[nameStart...].lowercased()
            result += rest[...equals]
            rest = rest[rest.index(after: equals)...]
            if secretNames.contains(name) {
                let end = rest.firstIndex(where: { valueEnd.contains($0) }) ?? rest.endIndex
                if end > rest.startIndex { result += placeholder }
                rest = rest[end...]
            }
        }
        return result + rest
    }

    /// `scheme://userinfo@host` → `scheme://REDACTED@host` for every URL in `text`.
    private static func redactUserinfo(_ text: String) -> String {
        guard text.contains("://") else { return text }
        var result = ""
        var rest = Substring(text)
        while let marker = rest.firstRange(of: "://") {
            result += rest[..<marker.upperBound]
            rest = rest[marker.upperBound...]
            // The authority ends at the first "/", "?", "#" or a character that ends a URL in text.
            let authorityEnd =
                rest.firstIndex(where: { $0 == "/" || $0 == "?" || valueEnd.contains($0) && $0 != "]" })
                ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@") {
                result += placeholder
                rest = rest[at...]
            }
        }
        return result + rest
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (no Foundation).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
