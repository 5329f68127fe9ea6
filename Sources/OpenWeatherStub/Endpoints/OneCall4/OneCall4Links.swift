/// The `prev`/`next` links of One Call 4.0's timelines, in the documented form:
/// `<base>/data/4.0/onecall/timeline/1day?cnt=10&lat=51.5000&lon=-0.1000&start=1776596400&appid=KEY`.
///
/// `cnt` comes first on `1day` (always) and after `start` on `15min`/`1h` (only when the request
/// named it); `lat`/`lon` have exactly 4 decimals; the caller's own key goes in as `appid`, as the
/// live service does it (clients must treat the links as secrets). `units` and `lang` follow only
/// with ``OneCall4Quirk/linksCarryUnitsAndLanguage``.
enum OneCall4Links {
    /// The link to the page of `timeline` starting at `start`.
    static func url(
        _ timeline: OneCall4Timeline, start: Int, query: OneCall4Query, request: StubRequest
    ) -> String {
        var items: [(String, String)] = []
        if timeline == .day { items.append(("cnt", String(query.count))) }
        items.append(("lat", fourDecimals(query.place.latitude)))
        items.append(("lon", fourDecimals(query.place.longitude)))
        items.append(("start", String(start)))
        if timeline != .day, query.countWasGiven { items.append(("cnt", String(query.count))) }
        if request.oneCall4Quirks.contains(.linksCarryUnitsAndLanguage) {
            for name in ["units", "lang"] { if let value = request.query[name] { items.append((name, value)) } }
        }
        if let key = request.query["appid"] { items.append(("appid", key)) }
        let text = items.map { "\($0.0)=\(percentEncoded($0.1))" }.joined(separator: "&")
        return request.linkBase + timeline.path + "?" + text
    }

    /// `51.5000`, `-0.1257`: rounded to 4 decimals, always 4 printed.
    static func fourDecimals(_ value: Double) -> String {
        let scaled = Int((abs(value) * 10_000).rounded())
        let fraction = String(scaled % 10_000)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return "\(sign)\(scaled / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
    }

    /// `text` with everything but RFC 3986's unreserved characters percent-encoded.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }
}
