import Foundation
import HTTPTypes
import WeatherCore
import XCTest

final class CacheKeyTests: XCTestCase {
    func testLayout() {
        let key = CacheKey(endpoint: "current", place: .name("Zürich,CH"), lang: "de")
        XCTAssertEqual(key.rawValue, "wt:v1:current:city=zurich,ch:lang=de")
        XCTAssertEqual(CacheKey(rawValue: "x").rawValue, "x")
    }

    func testNamesAreTrimmedFoldedAndNormalized() {
        let spellings = [
            "  Zürich,CH ", "zürich, ch", "ZU\u{308}RICH ,  CH", "Ｚürich,CH", "zurich,ch", "\tZURICH ,\n CH  ",
        ]
        let keys = Set(spellings.map { CacheKey(endpoint: "current", place: .name($0)).rawValue })
        XCTAssertEqual(keys, ["wt:v1:current:city=zurich,ch:lang=en"])
        XCTAssertEqual(
            CacheKey(endpoint: "current", place: .name("New   York")).rawValue, "wt:v1:current:city=new york:lang=en")
        // the ASCII fast path and the Unicode path agree
        XCTAssertEqual(
            CacheKey(endpoint: "current", place: .name(" New  York , US ")).rawValue,
            CacheKey(endpoint: "current", place: .name(" New  Yörk , US ")).rawValue)
    }

    func testNamesCannotForgeKeyStructure() {
        let key = CacheKey(endpoint: "current", place: .name("a:lang=fr"))
        XCTAssertEqual(key.rawValue, "wt:v1:current:city=a%3Alang=fr:lang=en")
    }

    func testCoordinatesAreRounded() {
        func key(_ lat: Double, _ lon: Double, _ precision: Int = 2) -> String {
            CacheKey(
                endpoint: "onecall", place: .coordinates(latitude: lat, longitude: lon),
                coordinatePrecision: precision
            ).rawValue
        }
        XCTAssertEqual(key(47.3769, 8.5417), "wt:v1:onecall:lat=47.38,lon=8.54:lang=en")
        XCTAssertEqual(key(47.3769, 8.5417), key(47.3751, 8.5449))
        XCTAssertEqual(key(-0.001, -0.004), "wt:v1:onecall:lat=0.00,lon=0.00:lang=en")
        XCTAssertEqual(key(-33.8688, 151.2093), "wt:v1:onecall:lat=-33.87,lon=151.21:lang=en")
        XCTAssertEqual(key(47.3769, 8.5417, 0), "wt:v1:onecall:lat=47,lon=9:lang=en")
        XCTAssertEqual(key(47.3769, 8.5417, 3), "wt:v1:onecall:lat=47.377,lon=8.542:lang=en")
    }

    func testOtherPlacesLangAndSchema() {
        XCTAssertEqual(CacheKey(endpoint: "geo", place: .zip(" 94040,US ")).rawValue, "wt:v1:geo:zip=94040,us:lang=en")
        XCTAssertEqual(
            CacheKey(endpoint: "current", place: .cityID(2_657_896), lang: "").rawValue,
            "wt:v1:current:id=2657896:lang=en")
        XCTAssertEqual(
            CacheKey(endpoint: "current", place: .cityID(1), lang: "PT_BR", schemaVersion: 7).rawValue,
            "wt:v7:current:id=1:lang=pt_br")
    }

    func testTheAPIKeyAppearsInNoCacheKey() {
        let secret = "0123456789abcdef0123456789abcdef"
        let request = UpstreamRequest(
            family: .current, place: .name("London,GB"), lang: "en",
            http: TransportRequest(
                url: "https://api.openweathermap.org/data/2.5/weather?q=London,GB&units=standard&appid=\(secret)"))
        let client = WeatherClient(transport: NoTransport())
        let key = client.cacheKey(for: request).rawValue
        XCTAssertFalse(key.contains(secret))
        XCTAssertFalse(key.lowercased().contains("appid"))
        XCTAssertFalse(key.contains("units"))
    }
}

private struct NoTransport: HTTPTransport {
    func send(_ request: TransportRequest) async throws -> TransportResponse { TransportResponse(status: 500) }
}
