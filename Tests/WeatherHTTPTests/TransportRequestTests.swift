import HTTPTypes
import OpenWeatherStub
import WeatherCore
import XCTest

/// What goes out: the method, header fields and body of a `TransportRequest`, on a reused handle.
final class TransportRequestTests: XCTestCase {
    func testBodiesAndMethodsReachTheServerAndAReusedHandleGoesBackToAPlainGet() async throws {
        // One connection per host: every request below runs on the same, reused easy handle.
        try await withStubAndTransport(.init(timeout: .seconds(5), maxConnectionsPerHost: 1)) { stub, transport in
            let faults = "\(stub.baseURL)/__stub/faults"
            let rule = Array(#"[{"fault":"status","status":503,"path_prefix":"/data/2.5/forecast"}]"#.utf8)
            let json: HTTPFields = [.contentType: "application/json"]

            let put = try await transport.send(
                TransportRequest(method: .put, url: faults, headerFields: json, body: rule))
            XCTAssertEqual(put.head.status, 200, String(decoding: put.body, as: UTF8.self))
            XCTAssertEqual(stub.faultRules.count, 1, "PUT with a body replaces the rules")

            let post = try await transport.send(
                TransportRequest(method: .post, url: faults, headerFields: json, body: rule))
            XCTAssertEqual(post.head.status, 200, String(decoding: post.body, as: UTF8.self))
            XCTAssertEqual(stub.faultRules.count, 2, "POST with a body adds to them")

            let delete = try await transport.send(TransportRequest(method: .delete, url: faults))
            XCTAssertEqual(delete.head.status, 200)
            XCTAssertEqual(stub.faultRules.count, 0, "DELETE without a body clears them")

            let get = try await transport.send(stub.weatherRequest())
            XCTAssertEqual(get.head.status, 200, "after a body and a custom method the handle sends a plain GET")
            let calls = stub.stats.requestsByPath["/data/2.5/weather"] ?? 0
            XCTAssertEqual(calls, 1)
        }
    }

    func testHeaderFieldsAreSent() async throws {
        try await withStubAndTransport { stub, transport in
            // The stub compresses One Call answers unless the request's Accept-Encoding says identity.
            var request = TransportRequest(url: "\(stub.baseURL)/data/3.0/onecall?lat=1&lon=2&appid=stub-key")
            let compressed = try await transport.send(request)
            XCTAssertNotNil(compressed.head.headerFields[.contentEncoding])
            request.head.headerFields[.acceptEncoding] = "identity"
            let plain = try await transport.send(request)
            XCTAssertEqual(plain.head.status, 200)
            XCTAssertNil(plain.head.headerFields[.contentEncoding], "the request's own Accept-Encoding was sent")
            XCTAssertEqual(plain.body.count, compressed.body.count, "both bodies arrive decoded")
        }
    }
}
