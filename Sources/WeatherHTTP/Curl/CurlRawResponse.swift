import HTTPTypes
import WeatherCore

/// A response as the curl thread hands it over: the status, the raw header block and the
/// decoded body. Headers are parsed by the awaiting task, off the curl thread.
struct CurlRawResponse: Sendable {
    var status: Int
    /// `Name: value\r\n` lines (the status line included).
    var headerBytes: [UInt8]
    var body: [UInt8]

    /// The response with parsed header fields, in the order received (a repeated field keeps every
    /// value); a line that is not a valid field is skipped.
    var response: TransportResponse {
        var fields = HTTPFields()
        for line in headerBytes.split(separator: UInt8(ascii: "\n")) {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            guard let name = HTTPField.Name(String(decoding: line[..<colon], as: UTF8.self)) else { continue }
            var value = line[(colon + 1)...]
            while let first = value.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                value = value.dropFirst()
            }
            while let last = value.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") {
                value = value.dropLast()
            }
            fields.append(HTTPField(name: name, value: String(decoding: value, as: UTF8.self)))
        }
        return TransportResponse(status: HTTPResponse.Status(code: status), headerFields: fields, body: body)
    }
}
