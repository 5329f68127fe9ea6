import HTTPTypes

/// What a response body is, decided from its first bytes and its `Content-Type`.
struct ResponseBody {
    /// Bodies up to this size are scanned for an error object even when the status is 2xx.
    static let errorBodyLimit = 4096

    enum Kind: CustomStringConvertible {
        case empty, json, html, other

        var description: String {
            switch self {
            case .empty: "an empty body"
            case .json: "a JSON body"
            case .html: "an HTML page"
            case .other: "a body that is not JSON"
            }
        }
    }

    let kind: Kind
    let errorBody: OpenWeatherErrorBody?
    let bytes: [UInt8]

    init(_ response: TransportResponse) {
        bytes = response.body
        let first = bytes.first {
            $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF
        }
        let contentType = response.head.headerFields[.contentType]?.lowercased() ?? ""
        if first == nil {
            kind = .empty
        } else if first == UInt8(ascii: "<") || contentType.contains("text/html") {
            kind = .html
        } else if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            kind = .json
        } else {
            kind = .other
        }
        let isSmall = bytes.count <= Self.errorBodyLimit
        let scanAlways = !(200..<300).contains(response.head.status.code)
        errorBody = first == UInt8(ascii: "{") && (isSmall || scanAlways) ? OpenWeatherErrorBody(bytes: bytes) : nil
    }

    /// `an HTML page ("502 Bad Gateway")`, with the page's title when it has one.
    var htmlSummary: String {
        guard let title = htmlTitle, !title.isEmpty else { return "an HTML page" }
        return "an HTML page (\"\(title)\")"
    }

    /// The text of the first `<title>` element, trimmed and shortened to 100 characters.
    var htmlTitle: String? {
        let window = bytes.prefix(8192)
        let lowered = window.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }
        guard let open = lowered.firstRange(of: Array("<title>".utf8)),
            let close = lowered[open.upperBound...].firstRange(of: Array("</title>".utf8))
        else { return nil }
        let raw = String(decoding: window[open.upperBound..<close.lowerBound], as: UTF8.self)
        let words = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count > 100 ? String(words.prefix(99)) + "…" : words
    }
}
