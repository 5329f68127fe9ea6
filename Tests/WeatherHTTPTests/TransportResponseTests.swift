import Foundation
import HTTPTypes
import OpenWeatherStub
import WeatherCore
import XCTest

final class TransportResponseTests: XCTestCase {
    func testReturnsStatusHeadersAndBody() async throws {
        try await withStubAndTransport { stub, transport in
            let response = try await transport.send(stub.weatherRequest())
            XCTAssertEqual(response.head.status, 200)
            XCTAssertEqual(response.head.headerFields[.contentType], "application/json; charset=utf-8")
            let json = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            XCTAssertEqual(json?["name"] as? String, "London")
        }
    }

    func testCompressedBodiesAreDecoded() async throws {
        try await withStubAndTransport { stub, transport in
            let response = try await transport.send(
                TransportRequest(url: "\(stub.baseURL)/data/3.0/onecall?lat=1&lon=2&appid=stub-key"))
            XCTAssertEqual(response.head.status, 200)
            let encoding = try XCTUnwrap(response.head.headerFields[.contentEncoding])
            XCTAssert(["gzip", "deflate"].contains(encoding), encoding)
            let wireLength = Int(try XCTUnwrap(response.head.headerFields[.contentLength])) ?? 0
            XCTAssertLessThan(wireLength, response.body.count, "the body on the wire is compressed")
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(response.body)))
        }
    }

    func testUnauthorizedAndNotFoundAreResponsesNotErrors() async throws {
        try await withStubAndTransport { stub, transport in
            let unauthorized = try await transport.send(
                TransportRequest(url: "\(stub.baseURL)/data/2.5/weather?q=London&appid=wrong"))
            XCTAssertEqual(unauthorized.head.status, 401)
            XCTAssert(String(decoding: unauthorized.body, as: UTF8.self).contains("Invalid API key"))
            let notFound = try await transport.send(stub.weatherRequest("Nowhereville"))
            XCTAssertEqual(notFound.head.status, 404)
            XCTAssertEqual(String(decoding: notFound.body, as: UTF8.self), #"{"cod":"404","message":"city not found"}"#)
        }
    }

    func testResponseOverTheLimitIsRejected() async throws {
        let small = TransportLimits(timeout: .seconds(5), maxResponseBytes: 1000)
        try await withStubAndTransport(small) { stub, transport in
            // Content-Length above the limit: refused by CURLOPT_MAXFILESIZE_LARGE.
            await assertWeatherError(.responseTooLarge) {
                try await transport.send(
                    TransportRequest(url: "\(stub.baseURL)/data/2.5/forecast?q=Oslo&appid=stub-key"))
            }
        }
        let medium = TransportLimits(timeout: .seconds(5), maxResponseBytes: 10_000)
        try await withStubAndTransport(medium) { stub, transport in
            // Compressed size below the limit, decoded size above: refused by the write callback.
            await assertWeatherError(.responseTooLarge) {
                try await transport.send(
                    TransportRequest(url: "\(stub.baseURL)/data/3.0/onecall?lat=1&lon=2&appid=stub-key"))
            }
            // The transport stays usable.
            let response = try await transport.send(stub.weatherRequest())
            XCTAssertEqual(response.head.status, 200)
        }
    }

    func testSendAfterShutdownFails() async throws {
        try await withStubAndTransport(TransportLimits()) { stub, transport in
            await transport.shutdown()
            await transport.shutdown()
            await assertWeatherError(.connectionFailed) { try await transport.send(stub.weatherRequest()) }
        }
    }
}
