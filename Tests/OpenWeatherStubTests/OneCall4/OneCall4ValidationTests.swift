import Foundation
import XCTest

@testable import OpenWeatherStub

/// Routing and validation order: unknown path 404, key 401, plan 401, required and malformed
/// parameters 400, then ranges 400 — each 400 naming its parameters.
final class OneCall4ValidationTests: XCTestCase {
    private let client = OneCall4Client()

    private func assertBadRequest(
        _ uri: String, _ parameters: [String], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let response = client.get(uri)
        XCTAssertEqual(response.status, 400, uri, file: file, line: line)
        let json = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any], file: file, line: line)
        XCTAssertEqual(json["cod"] as? Int, 400, file: file, line: line)
        XCTAssertNotNil(json["message"] as? String, file: file, line: line)
        XCTAssertEqual(json["parameters"] as? [String], parameters, uri, file: file, line: line)
    }

    func testUndocumentedFourPathsAre404() {
        for path in [
            "/data/4.0/onecall", "/data/4.0/onecall/", "/data/4.0/onecall/timeline", "/data/4.0/onecall/timeline/3h",
            "/data/4.0/onecall/alert", "/data/4.0/onecall/alert/", "/data/4.0/onecall/alert/a/b", "/data/4.0/weather",
        ] {
            let response = client.get(path + "?lat=1&lon=2&appid=k")
            XCTAssertEqual(response.status, 404, path)
            XCTAssertEqual(response.body, #"{"cod":404,"message":"Internal error"}"#, path)
        }
    }

    func testMissingAndMalformedParameters() throws {
        try assertBadRequest("/data/4.0/onecall/current?appid=k", ["lat", "lon"])
        try assertBadRequest("/data/4.0/onecall/current?lon=2&appid=k", ["lat"])
        try assertBadRequest("/data/4.0/onecall/timeline/1min?lat=1&lon=&appid=k", ["lon"])
        try assertBadRequest("/data/4.0/onecall/timeline/1h?lat=abc&lon=2&start=soon&appid=k", ["lat", "start"])
        try assertBadRequest("/data/4.0/onecall/timeline/1day?lat=1&lon=2&start=1.5&appid=k", ["start"])
        try assertBadRequest("/data/4.0/onecall/timeline/15min?lat=1&lon=2&cnt=ten&appid=k", ["cnt"])
    }

    func testRanges() throws {
        try assertBadRequest("/data/4.0/onecall/current?lat=95&lon=2&appid=k", ["lat"])
        try assertBadRequest("/data/4.0/onecall/timeline/1h?lat=95&lon=-181&appid=k", ["lat", "lon"])
        try assertBadRequest("/data/4.0/onecall/timeline/1h?lat=1&lon=2&start=283996799&appid=k", ["start"])
        try assertBadRequest("/data/4.0/onecall/timeline/1day?lat=1&lon=2&start=-5&appid=k", ["start"])
        try assertBadRequest("/data/4.0/onecall/timeline/1day?lat=1&lon=2&cnt=0&appid=k", ["cnt"])
        XCTAssertEqual(client.get("/data/4.0/onecall/timeline/15min?lat=1&lon=2&start=5&appid=k").status, 200)
    }

    func testMalformedComesBeforeRanges() throws {
        try assertBadRequest("/data/4.0/onecall/timeline/1h?lat=95&lon=2&start=x&appid=k", ["start"])
    }

    func testTheKeyComesBeforeParameters() {
        XCTAssertEqual(client.get("/data/4.0/onecall/current?lat=95&appid=wrong").status, 401)
    }

    func testStartAndCntAreNotTakenByCurrentAndMinutely() {
        XCTAssertEqual(client.get("/data/4.0/onecall/current?lat=1&lon=2&start=x&cnt=y&appid=k").status, 200)
        XCTAssertEqual(client.get("/data/4.0/onecall/timeline/1min?lat=1&lon=2&start=x&appid=k").status, 200)
    }
}
