import Foundation
import XCTest

@testable import OpenWeatherStub

final class StubRouterTests: XCTestCase {
    private let now = 1_775_000_000

    private func get(_ uri: String, apiKey: String? = "k", now: Int? = nil) -> StubResponse {
        StubRouter.respond(to: StubRequest(uri: uri, now: now ?? self.now, bucketSeconds: 600), apiKey: apiKey)
    }

    private func object(_ response: StubResponse, file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(response.body.utf8))
    }

    func testEveryEndpointAnswersValidJSON() throws {
        let uris = [
            "/data/2.5/weather?q=London,GB&appid=k", "/data/2.5/weather?id=2643743&appid=k",
            "/data/2.5/weather?lat=51.5&lon=-0.12&appid=k", "/data/2.5/weather?zip=94040,US&appid=k",
            "/data/2.5/forecast?q=Tokyo&appid=k", "/data/3.0/onecall?lat=1.29&lon=103.85&appid=k",
            "/data/3.0/onecall/timemachine?lat=1&lon=2&dt=1700000000&appid=k",
            "/data/3.0/onecall/day_summary?lat=1&lon=2&date=2024-03-04&appid=k",
            "/data/3.0/onecall/overview?lat=1&lon=2&appid=k", "/geo/1.0/direct?q=Paris&limit=5&appid=k",
            "/geo/1.0/reverse?lat=48.85&lon=2.35&appid=k", "/geo/1.0/zip?zip=E14,GB&appid=k",
            "/data/2.5/air_pollution?lat=50&lon=19&appid=k", "/data/2.5/air_pollution/forecast?lat=50&lon=19&appid=k",
            "/data/2.5/air_pollution/history?lat=50&lon=19&start=1606223802&end=1606482999&appid=k",
        ]
        for uri in uris {
            let response = get(uri)
            XCTAssertEqual(response.status, 200, uri)
            XCTAssertNoThrow(try object(response), uri)
        }
    }

    func testCurrentWeatherHasOpenWeatherShape() throws {
        let json = try XCTUnwrap(try object(get("/data/2.5/weather?q=Zürich&appid=k")) as? [String: Any])
        XCTAssertEqual(json["cod"] as? Int, 200)
        XCTAssertEqual(json["name"] as? String, "Zürich")
        let main = try XCTUnwrap(json["main"] as? [String: Any])
        let temp = try XCTUnwrap(main["temp"] as? Double)
        XCTAssert((200...330).contains(temp), "Kelvin expected, got \(temp)")
        XCTAssertNotNil((json["weather"] as? [[String: Any]])?.first?["icon"])
    }

    func testForecastHas40ItemsAndStringCod() throws {
        let json = try XCTUnwrap(try object(get("/data/2.5/forecast?q=London&appid=k")) as? [String: Any])
        XCTAssertEqual(json["cod"] as? String, "200")
        XCTAssertEqual((json["list"] as? [Any])?.count, 40)
        XCTAssertEqual(json["cnt"] as? Int, 40)
        let short = try XCTUnwrap(try object(get("/data/2.5/forecast?q=London&cnt=3&appid=k")) as? [String: Any])
        XCTAssertEqual((short["list"] as? [Any])?.count, 3)
    }

    func testOneCallExcludeDropsParts() throws {
        let full = try XCTUnwrap(try object(get("/data/3.0/onecall?lat=1&lon=2&appid=k")) as? [String: Any])
        XCTAssertEqual((full["hourly"] as? [Any])?.count, 48)
        XCTAssertEqual((full["daily"] as? [Any])?.count, 8)
        XCTAssertEqual((full["minutely"] as? [Any])?.count, 60)
        let part = try XCTUnwrap(
            try object(get("/data/3.0/onecall?lat=1&lon=2&exclude=minutely,hourly&appid=k")) as? [String: Any])
        XCTAssertNil(part["hourly"])
        XCTAssertNil(part["minutely"])
        XCTAssertNotNil(part["current"])
    }

    func testSameQueryIsDeterministicWithinABucket() {
        let uri = "/data/2.5/weather?q=Oslo&appid=k"
        XCTAssertEqual(get(uri, now: 1_775_000_400).body, get(uri, now: 1_775_000_400).body)
        XCTAssertNotEqual(get(uri, now: 1_775_000_400).body, get(uri, now: 1_775_003_000).body)
    }

    func testWrongKeyIs401AndAnyKeyIsAcceptedWithoutConfiguredKey() {
        let response = get("/data/2.5/weather?q=Oslo&appid=wrong")
        XCTAssertEqual(response.status, 401)
        XCTAssert(response.body.contains("Invalid API key"))
        XCTAssertEqual(get("/data/2.5/weather?q=Oslo", apiKey: nil).status, 200)
    }

    func testUnknownPlaces() {
        XCTAssertEqual(
            get("/data/2.5/weather?q=Nowhereville&appid=k").body, #"{"cod":"404","message":"city not found"}"#)
        XCTAssertEqual(get("/data/2.5/weather?q=unknown&appid=k").status, 404)
        XCTAssertEqual(get("/data/2.5/weather?id=0&appid=k").status, 404)
        XCTAssertEqual(get("/data/2.5/weather?zip=00000,US&appid=k").status, 404)
        XCTAssertEqual(get("/geo/1.0/direct?q=nowhere&appid=k").body, "[]")
        XCTAssertEqual(get("/geo/1.0/zip?zip=00000,US&appid=k").status, 404)
        XCTAssertEqual(get("/data/9/nothing?appid=k").status, 404)
    }

    func testWrongLatitudeIs400() {
        let response = get("/data/3.0/onecall?lat=91&lon=2&appid=k")
        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(response.body, #"{"cod":"400","message":"wrong latitude"}"#)
    }
}
