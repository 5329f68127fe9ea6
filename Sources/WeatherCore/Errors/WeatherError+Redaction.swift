extension WeatherError {
    /// `text` with the value after every `appid=` (and the other secret names of ``URLRedaction``)
    /// replaced by `REDACTED`, wherever it appears: a message may quote a URL.
    static func redactingSecrets(in text: String) -> String {
        guard text.contains("=") else { return text }
        var result = ""
        var rest = Substring(text)
        let delimiters: Set<Character> = ["&", " ", "\"", "'", ")", ",", ";", "#", "<", ">"]
        while let equals = rest.firstIndex(of: "=") {
            let before = rest[..<equals]
            let nameStart =
                before.lastIndex(where: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(before.index(after:))
                ?? before.startIndex
            let name = before[nameStart...].lowercased()
            result += rest[...equals]
            rest = rest[rest.index(after: equals)...]
            if ["appid", "apikey", "api_key", "key"].contains(name) {
                let end = rest.firstIndex(where: { delimiters.contains($0) }) ?? rest.endIndex
                if end > rest.startIndex { result += URLRedaction.placeholder }
                rest = rest[end...]
            }
        }
        return result + rest
    }
}
