import Foundation
import WeatherTesting
import XCTest

@testable import WeatherCore

final class GeocodingTests: XCTestCase {
    func testEveryFixtureDecodes() throws {
        for fixture in try FixtureDirectory(bundle: .module).all(in: "geo") {
            let results = try GeocodingResults(jsonBytes: fixture.bytes)
            XCTAssertFalse(results.places.isEmpty, fixture.path)
            XCTAssertTrue(results.places.allSatisfy { !$0.name.isEmpty }, fixture.path)
        }
    }

    func testSpotCheckTokyoAndMalmo() throws {
        let tokyo = try GeocodingResults(jsonBytes: FixtureDirectory(bundle: .module).bytes("geo/0000.json"))
        XCTAssertEqual(tokyo.places.count, 5)
        let first = tokyo.places[0]
        XCTAssertEqual(first.name, "Tokyo")
        XCTAssertEqual(first.coordinates.latitude, 35.6926812)
        XCTAssertEqual(first.state, "Tokyo")
        XCTAssertEqual(first.localNames?.count, 81)
        XCTAssertEqual(first.localNames?["de"], "Tokyo")
        XCTAssertNil(first.localNames?["xx"])
        let malmo = try GeocodingResults(jsonBytes: FixtureDirectory(bundle: .module).bytes("geo/0002.json")).places[0]
        XCTAssertEqual(malmo.name, "Malmö")
        XCTAssertEqual(malmo.localNames?["ko"], "말뫼")
        XCTAssertEqual(malmo.localNames?["feature_name"], "Malmö")
        XCTAssertEqual(malmo.country, "SE")
        XCTAssertEqual(malmo.state, "Skåne County")
        XCTAssertEqual(malmo.coordinates, Coordinates(uncheckedLatitude: 55.5970325, longitude: 13.0037686))
        XCTAssertEqual(malmo.localNames?.dictionary["ru"], "Мальмё")
    }

    func testReverseWithOptionalsAbsentAndEmptyResult() throws {
        let text =
            #"[{"name":"City of London","lat":51.5128,"lon":-0.0918,"country":"GB"},{"name":"Sea","lat":0,"lon":0}]"#
        let results = try GeocodingResults(jsonBytes: Array(text.utf8))
        XCTAssertEqual(results.places.count, 2)
        XCTAssertNil(results.places[0].localNames)
        XCTAssertNil(results.places[0].state)
        XCTAssertNil(results.places[1].country)
        XCTAssertEqual(try GeocodingResults(jsonBytes: Array("[]".utf8)).places, [])
        assertDecodingFails(
            #"[{"name":"x","lat":1,"lon":2,"local_names":{"de":1}}]"#, as: GeocodingResults.self,
            path: "[0].local_names.de")
        assertDecodingFails(#"{"cod":"400","message":"Nothing to geocode"}"#, as: GeocodingResults.self, path: "")
    }

    func testLocalNamesWithEscapedKeysAndDuplicates() throws {
        let text = #"[{"name":"x","lat":1,"lon":2,"local_names":{"d\u0065":"A","de":"B","\ud83d\ude00":"smile"}}]"#
        let names = try XCTUnwrap(GeocodingResults(jsonBytes: Array(text.utf8)).places[0].localNames)
        XCTAssertEqual(names["de"], "B")
        XCTAssertEqual(names["😀"], "smile")
        XCTAssertEqual(names.count, 3)
    }

    func testZip() throws {
        let text = #"{"zip":"90210","name":"Beverly Hills","lat":34.0901,"lon":-118.4065,"country":"US"}"#
        let zip = try ZipLocation(jsonBytes: Array(text.utf8))
        XCTAssertEqual(zip.zip, "90210")
        XCTAssertEqual(zip.name, "Beverly Hills")
        XCTAssertEqual(zip.coordinates, Coordinates(uncheckedLatitude: 34.0901, longitude: -118.4065))
        XCTAssertEqual(zip.country, "US")
        assertDecodingFails(#"{"zip":"1","name":"x","lon":2}"#, as: ZipLocation.self, path: "lat")
    }
}
