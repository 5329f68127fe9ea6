import Foundation
import XCTest

@testable import OpenWeatherStub

/// Calls the stub's router in-process for One Call 4.0 tests, at a fixed "now", and decodes answers.
struct OneCall4Client {
    /// 2026-03-31T10:33:20Z (a Tuesday; London on BST, Berlin on CEST).
    static let defaultNow = 1_774_953_200

    var now = OneCall4Client.defaultNow
    var apiKey: String? = "k"
    var plan: OneCallPlan = .both
    var quirks: Set<OneCall4Quirk> = []
    var linkBase = "http://127.0.0.1:9100"
    var alertLookup = 0

    /// The raw answer to `uri`.
    func get(_ uri: String) -> StubResponse {
        var request = StubRequest(uri: uri, now: now, bucketSeconds: 600)
        request.oneCallPlan = plan
        request.oneCall4Quirks = quirks
        request.linkBase = linkBase
        request.alertLookup = alertLookup
        return StubRouter.respond(to: request, apiKey: apiKey)
    }

    /// The JSON object answered to `uri`, which must be a 200.
    func object(_ uri: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let response = get(uri)
        XCTAssertEqual(response.status, 200, response.body, file: file, line: line)
        return try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any], file: file, line: line)
    }

    /// `data` of the envelope answered to `uri`.
    func records(_ uri: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try XCTUnwrap(try object(uri, file: file, line: line)["data"] as? [[String: Any]], file: file, line: line)
    }
}

/// The query items of a link, by name, and the link without its query.
struct ParsedLink {
    var base: String
    var names: [String]
    var items: [String: String]

    init(_ link: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let parts = link.split(separator: "?", maxSplits: 1).map(String.init)
        XCTAssertEqual(parts.count, 2, link, file: file, line: line)
        base = parts[0]
        names = []
        items = [:]
        for item in (parts.count > 1 ? parts[1] : "").split(separator: "&") {
            let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
            names.append(pair[0])
            items[pair[0]] = pair.count > 1 ? (pair[1].removingPercentEncoding ?? pair[1]) : ""
        }
    }

    /// The link's `start`.
    var start: Int? { items["start"].flatMap { Int($0) } }

    /// The link's path and query, to send to the router (with the base cut off).
    func uri(droppingBase prefix: String) -> String {
        let query = names.map {
            "\($0)=\(items[$0]?.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }
        return String(base.dropFirst(prefix.count)) + "?" + query.joined(separator: "&")
    }
}
