import Foundation
import OpenWeatherStub
import XCTest

/// `GET /__stub/calls`: when each counted request arrived, by path — never its query (the API key).
final class StubCallLogTests: XCTestCase {
    func testCallsAreLoggedInOrderWithoutQueriesAndResetClearsThem() async throws {
        try await OpenWeatherStub.withRunning { stub in
            let before = Int(Date().timeIntervalSince1970 * 1000)
            _ = try await stub.call("/data/2.5/weather?q=Oslo&appid=stub-key")
            _ = try await stub.call("/data/2.5/forecast?q=Oslo&appid=stub-key")
            _ = try await stub.call("/__stub/stats")  // control endpoints are not counted
            let after = Int(Date().timeIntervalSince1970 * 1000)
            let log = try await stub.call("/__stub/calls")
            XCTAssertEqual(log.status, 200)
            XCTAssertFalse(log.text.contains("stub-key"), log.text)
            let calls = try XCTUnwrap((try log.json() as? [String: Any])?["calls"] as? [[Any]])
            XCTAssertEqual(calls.compactMap { $0.last as? String }, ["/data/2.5/weather", "/data/2.5/forecast"])
            let times = calls.compactMap { $0.first as? Int }
            XCTAssertEqual(times, times.sorted())
            XCTAssertTrue(times.allSatisfy { (before...after).contains($0) }, "\(times) in \(before)...\(after)")

            _ = try await stub.call("POST", "/__stub/reset")
            let cleared = try await stub.call("/__stub/calls")
            XCTAssertEqual(cleared.text, #"{"calls":[]}"#)
        }
    }
}
