import WeatherCore

/// A response as the curl thread hands it over: the status, the raw header block and the
/// decoded body. Headers are parsed by the awaiting task, off the curl thread.
struct CurlRawResponse: Sendable {
    var status: Int
    /// `Name: value\r\n` lines (the status line included).
    var headerBytes: [UInt8]
    var body: [UInt8]

    /// The response with parsed headers; a repeated header keeps its last value.
    var response: HTTPResponse {
        var headers: [String: String] = [:]
        for line in headerBytes.split(separator: UInt8(ascii: "\n")) {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[..<colon], as: UTF8.self)
            var value = line[(colon + 1)...]
            while let first = value.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                value = value.dropFirst()
            }
            while let last = value.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") {
                value = value.dropLast()
            }
            headers[name] = String(decoding: value, as: UTF8.self)
        }
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}
