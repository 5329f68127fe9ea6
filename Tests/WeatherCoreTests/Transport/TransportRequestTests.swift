import HTTPTypes
import WeatherCore
import XCTest

final class TransportRequestTests: XCTestCase {
    func testAnAbsoluteURLIsSplitIntoPseudoHeaderFieldsAsGiven() {
        let request = TransportRequest(url: "http://127.0.0.1:8080/data/2.5/weather?q=Z%C3%BCrich,CH&appid=k")
        XCTAssertEqual(request.head.method, .get)
        XCTAssertEqual(request.head.scheme, "http")
        XCTAssertEqual(request.head.authority, "127.0.0.1:8080")
        XCTAssertEqual(request.head.path, "/data/2.5/weather?q=Z%C3%BCrich,CH&appid=k")
        XCTAssertEqual(request.head.absoluteURL, "http://127.0.0.1:8080/data/2.5/weather?q=Z%C3%BCrich,CH&appid=k")
    }

    func testAURLWithoutAPathGetsTheRootPath() {
        XCTAssertEqual(TransportRequest(url: "https://example.test").head.path, "/")
        XCTAssertEqual(TransportRequest(url: "https://example.test?x=1").head.path, "/?x=1")
        XCTAssertEqual(TransportRequest(url: "https://example.test?x=1").head.authority, "example.test")
    }

    func testTextWithoutASchemeIsAPath() {
        let request = TransportRequest(url: "/health")
        XCTAssertNil(request.head.scheme)
        XCTAssertEqual(request.head.path, "/health")
        XCTAssertEqual(request.head.absoluteURL, "/health")
    }

    func testEveryPrintoutRedactsTheKeyTheHeadCarries() {
        let request = TransportRequest(
            method: .post, url: "https://h/x?appid=SECRET&q=1", body: Array("{}".utf8), timeout: .seconds(1))
        var dumped = ""
        dump(request, to: &dumped)
        for text in [request.description, request.debugDescription, "\(request)", String(reflecting: request), dumped] {
            XCTAssertFalse(text.contains("SECRET"), text)
        }
        XCTAssertEqual(request.description, "POST https://h/x?appid=REDACTED&q=1")
        XCTAssertTrue(request.head.absoluteURL.contains("SECRET"), "the wire form keeps it")
    }
}
