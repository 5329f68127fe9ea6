import WeatherCore
import XCTest

final class PlaceTests: XCTestCase {
    func testCoordinatesAreValidatedAtTheirLimits() throws {
        XCTAssertNoThrow(try Coordinates(latitude: 90, longitude: 180))
        XCTAssertNoThrow(try Coordinates(latitude: -90, longitude: -180))
        for (latitude, longitude) in [(90.0001, 0.0), (-91, 0), (0, 180.0001), (0, -181), (.nan, 0), (0, .infinity)] {
            XCTAssertThrowsError(try Coordinates(latitude: latitude, longitude: longitude)) { error in
                let error = error as? WeatherError
                XCTAssertEqual(error?.code, .invalidRequest, "\(latitude), \(longitude)")
                XCTAssertEqual(error?.isRetryable, false)
                XCTAssertTrue(error?.message.contains("out of range") == true, error?.message ?? "")
            }
        }
    }

    func testUncheckedCoordinatesAreCheckedWhenUsed() {
        let bogus = Coordinates(uncheckedLatitude: 123, longitude: 0)
        XCTAssertThrowsError(try OpenWeatherRequest.current(.coordinates(bogus)))
    }

    func testQueryItemsForEachKindOfPlace() throws {
        func query(_ place: Place) throws -> String {
            try place.validated().queryItems.map(\.description).joined(separator: "&")
        }
        XCTAssertEqual(try query(.city(name: "London")), "q=London")
        XCTAssertEqual(try query(.city(name: " Zürich ", country: "CH")), "q=Z%C3%BCrich,CH")
        XCTAssertEqual(try query(.city(name: "Portland", state: "OR", country: "US")), "q=Portland,OR,US")
        XCTAssertEqual(try query(.city(name: "São Paulo", country: "br")), "q=S%C3%A3o%20Paulo,br")
        XCTAssertEqual(try query(.cityID(2_657_896)), "id=2657896")
        XCTAssertEqual(
            try query(.coordinates(Coordinates(latitude: 47.376887, longitude: 8.541694))),
            "lat=47.376887&lon=8.541694")
        XCTAssertEqual(try query(.coordinates(Coordinates(latitude: 0.00001, longitude: -0.0))), "lat=0.00001&lon=0")
        XCTAssertEqual(try query(.coordinates(Coordinates(latitude: -33.5, longitude: 151))), "lat=-33.5&lon=151")
        XCTAssertEqual(try query(.zip(code: "94040", country: "US")), "zip=94040,US")
        XCTAssertEqual(try query(.zip(code: "E14")), "zip=E14")
    }

    func testInvalidPlaces() {
        let invalid: [Place] = [
            .city(name: "   "), .city(name: ""), .city(name: "Bad\u{0}Name"),
            .city(name: String(repeating: "a", count: 201)),
            .city(name: "Portland", state: "OR"), .city(name: "London", country: "United Kingdom"),
            .city(name: "London", country: "G B"), .cityID(0), .cityID(-5), .zip(code: " "),
            .zip(code: "94040", country: "U$"),
        ]
        for place in invalid {
            XCTAssertThrowsError(try place.validated(), "\(place)") { error in
                XCTAssertEqual((error as? WeatherError)?.code, .invalidRequest)
            }
        }
    }

    func testNormalizedKeysMatchForTheSamePlaceAskedDifferently() throws {
        XCTAssertEqual(
            try Place.city(name: "  ZÜRICH ", country: "ch").validated().normalizedKey(),
            try Place.city(name: "zürich", country: "CH").validated().normalizedKey())
        XCTAssertEqual(try Place.city(name: "New   York").validated().normalizedKey(), "city=new york")
        XCTAssertEqual(try Place.city(name: "Zurich", country: "CH").validated().normalizedKey(), "city=zurich,ch")
        XCTAssertEqual(Place.cityID(42).normalizedKey(), "id=42")
        let near = try Place.coordinates(Coordinates(latitude: 47.376_91, longitude: 8.541_71))
        let nearer = try Place.coordinates(Coordinates(latitude: 47.376_93, longitude: 8.541_69))
        XCTAssertEqual(near.normalizedKey(coordinatePrecision: 4), "lat=47.3769,lon=8.5417")
        XCTAssertEqual(near.normalizedKey(coordinatePrecision: 4), nearer.normalizedKey(coordinatePrecision: 4))
        XCTAssertEqual(near.normalizedKey(), "lat=47.38,lon=8.54")
        XCTAssertNotEqual(near.normalizedKey(coordinatePrecision: 6), nearer.normalizedKey(coordinatePrecision: 6))
        XCTAssertEqual(
            Place.zip(code: "e14", country: "gb").normalizedKey(), Place.zip(code: "E14", country: "GB").normalizedKey())
        XCTAssertNotEqual(Place.zip(code: "E14").normalizedKey(), Place.city(name: "E14").normalizedKey())
    }

    func testDisplayText() throws {
        XCTAssertEqual(try Place.city(name: " Zürich ", country: "CH").validated().displayText, "Zürich,CH")
        XCTAssertEqual(Place.cityID(2_657_896).displayText, "city id 2657896")
        XCTAssertEqual(
            Place.coordinates(try Coordinates(latitude: 47.3769, longitude: 8.5417)).displayText, "47.3769,8.5417")
        XCTAssertEqual(Place.zip(code: "94040", country: "US").displayText, "zip 94040,US")
    }

    func testCalendarDates() throws {
        XCTAssertEqual(try CalendarDate(parsing: "2024-02-29").description, "2024-02-29")
        XCTAssertEqual(try CalendarDate(year: 987, month: 1, day: 5).description, "0987-01-05")
        for text in ["2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-1-01", "24-01-01", "2024/01/01", ""]
        {
            XCTAssertThrowsError(try CalendarDate(parsing: text), text)
        }
        XCTAssertNoThrow(try CalendarDate(parsing: "2000-02-29"))
        XCTAssertLessThan(try CalendarDate(parsing: "2024-01-31"), try CalendarDate(parsing: "2024-02-01"))
    }
}
