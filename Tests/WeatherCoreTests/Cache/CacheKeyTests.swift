import Foundation
import WeatherTesting
import WeatherCore
import XCTest

final class CacheKeyTests: XCTestCase {
    /// The key of a request about `place` (unvalidated, so spellings reach the key as typed).
    private func key(
        _ place: Place, _ endpoint: Endpoint = .current, language: String? = nil, parameters: [QueryItem] = [],
        schemaVersion: Int = CacheKey.currentSchemaVersion, precision: Int = CacheKey.defaultCoordinatePrecision
    ) -> String {
        let request = OpenWeatherRequest(endpoint: endpoint, place: place, language: language, parameters: parameters)
        return CacheKey(request, schemaVersion: schemaVersion, coordinatePrecision: precision).rawValue
    }

    func testLayout() throws {
        XCTAssertEqual(key(.city(name: "Zürich,CH"), language: "de"), "wt:v2:current:city=zürich,ch:lang=de")
        XCTAssertEqual(
            try OpenWeatherRequest.current(.city(name: "Zürich", country: "CH"), language: "de").cacheKey.rawValue,
            "wt:v2:current:city=zürich,ch:lang=de")
        XCTAssertEqual(CacheKey(rawValue: "x").rawValue, "x")
    }

    func testNamesAreTrimmedFoldedAndNormalized() {
        // Case, canonical equivalence (a decomposed ü) and white space are folded…
        let spellings = ["  Zürich,CH ", "zürich, ch", "ZU\u{308}RICH ,  CH", "\tZÜRICH ,\n CH  "]
        let keys = Set(spellings.map { key(.city(name: $0)) })
        XCTAssertEqual(keys, ["wt:v2:current:city=zürich,ch:lang=en"])
        XCTAssertEqual(key(.city(name: "New   York")), "wt:v2:current:city=new york:lang=en")
        XCTAssertEqual(key(.city(name: "\u{00A0}New\u{2003}York ")), "wt:v2:current:city=new york:lang=en")
        // the parts of a place join as one name would
        XCTAssertEqual(key(.city(name: "Zürich", country: "CH")), key(.city(name: "zürich, ch")))
    }

    /// Whoever asks first must not decide the answer for another place: diacritics and
    /// compatibility forms tell places apart, so they stay in the key.
    func testDiacriticsAndCompatibilityFormsAreKept() {
        for (one, other) in [
            ("Bach", "Bäch"), ("Muller", "Müller"), ("Sao Paulo", "São Paulo"), ("Zurich", "Zürich"),
            ("Bach", "Ｂａｃｈ"), ("Koln", "Köln"), ("Malmo", "Malmö"), ("Bäch", "Bach\u{0301}"), ("ﬁsh", "fish"),
        ] {
            XCTAssertNotEqual(key(.city(name: one)), key(.city(name: other)), "\(one) / \(other)")
        }
        // …but the same letters, composed or decomposed, in any case, are one name.
        for (one, other) in [("Bäch", "Ba\u{0308}ch"), ("São", "SA\u{0303}O"), ("Müller", "MÜLLER"), ("Ǆ", "ǆ")] {
            XCTAssertEqual(key(.city(name: one)), key(.city(name: other)), "\(one) / \(other)")
        }
    }

    func testNamesCannotForgeKeyStructure() {
        XCTAssertEqual(key(.city(name: "a:lang=fr")), "wt:v2:current:city=a%3Alang=fr:lang=en")
    }

    func testCoordinatesAreRounded() {
        func key(_ lat: Double, _ lon: Double, _ precision: Int = 2) -> String {
            self.key(.coordinates(Coordinates(uncheckedLatitude: lat, longitude: lon)), .oneCall, precision: precision)
        }
        XCTAssertEqual(key(47.3769, 8.5417), "wt:v2:onecall:lat=47.38,lon=8.54:lang=en")
        XCTAssertEqual(key(47.3769, 8.5417), key(47.3751, 8.5449))
        XCTAssertEqual(key(-0.001, -0.004), "wt:v2:onecall:lat=0.00,lon=0.00:lang=en")
        XCTAssertEqual(key(-33.8688, 151.2093), "wt:v2:onecall:lat=-33.87,lon=151.21:lang=en")
        XCTAssertEqual(key(47.3769, 8.5417, 0), "wt:v2:onecall:lat=47,lon=9:lang=en")
        XCTAssertEqual(key(47.3769, 8.5417, 3), "wt:v2:onecall:lat=47.377,lon=8.542:lang=en")
    }

    func testOtherPlacesLangAndSchema() {
        XCTAssertEqual(key(.zip(code: " 94040", country: "US "), .geocodeZip), "wt:v2:geo-zip:zip=94040,us:lang=en")
        XCTAssertEqual(key(.cityID(2_657_896), language: ""), "wt:v2:current:id=2657896:lang=en")
        XCTAssertEqual(key(.cityID(1), language: "PT_BR", schemaVersion: 7), "wt:v7:current:id=1:lang=pt_br")
        // an endpoint without a language keys `en` whatever is asked
        XCTAssertEqual(
            key(.coordinates(Coordinates(uncheckedLatitude: 1, longitude: 2)), .airPollution, language: "de"),
            "wt:v2:air:lat=1.00,lon=2.00:lang=en")
        // parameters are sorted, whatever order they are sent in
        XCTAssertEqual(
            key(.cityID(1), .forecast, parameters: [QueryItem(name: "cnt", value: "8"), QueryItem(name: "b", value: "1")]),
            "wt:v2:forecast:id=1:b=1:cnt=8:lang=en")
    }

    func testTheAPIKeyAppearsInNoCacheKey() throws {
        let secret = "0123456789abcdef0123456789abcdef"
        let request = try OpenWeatherRequest.current(.city(name: "London", country: "GB"))
        let client = WeatherClient(transport: ScriptedTransport(), configuration: .init(apiKey: APIKey(secret)))
        XCTAssertTrue(request.httpRequest(apiKey: APIKey(secret)).head.absoluteURL.contains(secret))
        let key = client.cacheKey(for: request).rawValue
        XCTAssertFalse(key.contains(secret))
        XCTAssertFalse(key.lowercased().contains("appid"))
        XCTAssertFalse(key.contains("units"))
    }
}
