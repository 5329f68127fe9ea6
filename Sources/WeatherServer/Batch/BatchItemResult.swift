import Foundation
import HTTPTypes
import NIOCore
import WeatherCore
import WeatherServerCore
import WeatherPages

/// One item of a batch's answer: the lookup's body with its cache status and age, or its problem.
///
/// Written as JSON by hand around the bytes already encoded — a body from the near-cache goes in
/// as it is, never decoded and encoded again.
enum BatchItemResult: Sendable {
    /// `{"status":200,"cache":"HIT","age_s":12,"body":{…}}`.
    case answered(LookupAnswer)
    /// `{"status":429,"problem":{…}}`.
    case failed(Problem)

    /// The item's JSON.
    func json() -> [UInt8] {
        switch self {
        case .answered(let answer):
            let age = max(0, Int(answer.at.timeIntervalSince(answer.body.fetchedAt)))
            var bytes = Array(#"{"status":200,"cache":""#.utf8)
            bytes += Array(answer.status.headerValue.utf8)
            bytes += Array(#"","age_s":\#(age),"body":"#.utf8)
            bytes += answer.body.bytes.readableBytesView
            bytes.append(UInt8(ascii: "}"))
            return bytes
        case .failed(let problem):
            return Array(#"{"status":\#(problem.status.code),"problem":"#.utf8) + problem.jsonBytes + [
                UInt8(ascii: "}")
            ]
        }
    }

    /// `{"results":[…]}` of `items`, in their order.
    static func document(_ items: [BatchItemResult]) -> [UInt8] {
        var bytes = Array(#"{"results":["#.utf8)
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += item.json()
        }
        bytes += Array("]}".utf8)
        return bytes
    }
}
