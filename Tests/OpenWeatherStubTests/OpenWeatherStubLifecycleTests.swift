import Foundation
import OpenWeatherStub
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

final class OpenWeatherStubLifecycleTests: XCTestCase {
    func testBindsLoopbackOnAFreePortAndServesStats() async throws {
        try await OpenWeatherStub.withRunning { stub in
            XCTAssertGreaterThan(stub.port, 0)
            XCTAssertEqual(stub.baseURL, "http://127.0.0.1:\(stub.port)")
            let url = try XCTUnwrap(URL(string: stub.baseURL + "/data/2.5/weather?q=Oslo&appid=stub-key"))
            let (_, response) = try await URLSession.shared.data(from: url)
            XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200)
            let statsURL = try XCTUnwrap(URL(string: stub.baseURL + "/__stub/stats"))
            let (body, _) = try await URLSession.shared.data(from: statsURL)
            let stats = try XCTUnwrap(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            XCTAssertEqual(stats["requests"] as? Int, 1)
            XCTAssertEqual(stub.stats.requestsByPath["/data/2.5/weather"], 1)
            XCTAssertGreaterThanOrEqual(stub.stats.connectionsAccepted, 1)
        }
    }

    func testShutdownReleasesThePort() async throws {
        let stub = try await OpenWeatherStub.start()
        let port = stub.port
        try await stub.shutdown()
        let again = try await OpenWeatherStub.start(configuration: .init(port: port))
        XCTAssertEqual(again.port, port)
        try await again.shutdown()
    }
}
