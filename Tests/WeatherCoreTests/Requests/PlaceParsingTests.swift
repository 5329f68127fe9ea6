import WeatherCore
import XCTest

final class PlaceParsingTests: XCTestCase {
    func testCityForms() throws {
        XCTAssertEqual(try Place(parsing: " Zürich "), .city(name: "Zürich"))
        XCTAssertEqual(try Place(parsing: "London,GB"), .city(name: "London", country: "GB"))
        XCTAssertEqual(try Place(parsing: "Springfield,IL,US"), .city(name: "Springfield", state: "IL", country: "US"))
    }

    func testCoordinatesIDAndZip() throws {
        XCTAssertEqual(try Place(parsing: "47.37,8.54"), .coordinates(try Coordinates(latitude: 47.37, longitude: 8.54)))
        XCTAssertEqual(try Place(parsing: "id:2657896"), .cityID(2657896))
        XCTAssertEqual(try Place(parsing: "ZIP:94040,US"), .zip(code: "94040", country: "US"))
        XCTAssertEqual(try Place(parsing: "zip:8001"), .zip(code: "8001", country: nil))
    }

    func testRejectsNonsenseWithInvalidRequest() {
        for text in ["", "  ", "91,0", "0,181", "id:abc", "id:-3", "a,b,c,d", "zip:1,2,3"] {
            XCTAssertThrowsError(try Place(parsing: text), text) { error in
                XCTAssertEqual((error as? WeatherError)?.code, .invalidRequest, text)
            }
        }
    }
}
