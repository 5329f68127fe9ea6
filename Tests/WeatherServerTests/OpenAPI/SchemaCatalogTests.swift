import Foundation
import WeatherCore
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// The schemas are derived from the types that write the bodies: required and optional members,
/// snake_case names, arrays, maps, enums, dates, nested types as components, units by name.
final class SchemaCatalogTests: XCTestCase {
    enum Kind: String, Codable, CaseIterable {
        case rain, snow
    }

    struct Inner: Codable {
        var value: Double
    }

    struct Sample: Codable {
        var placeName: String
        var count: Int
        var note: String?
        var kinds: [Kind]
        var names: [String: String]
        var when: Date
        var inner: Inner?
        var temperature: Temperature
    }

    func testARecordedTypeListsItsMembersAsItsEncoderWritesThem() throws {
        let catalog = SchemaCatalog()
        XCTAssertEqual(catalog.schema(for: Sample.self)["$ref"] as? String, "#/components/schemas/Sample")
        let sample = try XCTUnwrap(catalog.components["Sample"])
        XCTAssertEqual(sample["type"] as? String, "object")
        XCTAssertEqual(sample["additionalProperties"] as? Bool, false)
        XCTAssertEqual(sample["required"] as? [String], ["count", "kinds", "names", "place_name", "temperature", "when"])
        let properties = try XCTUnwrap(sample["properties"] as? [String: [String: Any]])
        XCTAssertEqual(Set(properties.keys), ["place_name", "count", "note", "kinds", "names", "when", "inner", "temperature"])
        XCTAssertEqual(properties["count"]?["type"] as? String, "integer")
        XCTAssertEqual(properties["note"]?["type"] as? String, "string")
        XCTAssertEqual(properties["when"]?["format"] as? String, "date-time")
        let kinds = try XCTUnwrap(properties["kinds"]?["items"] as? [String: Any])
        XCTAssertEqual(kinds["enum"] as? [String], ["rain", "snow"])
        let names = try XCTUnwrap(properties["names"]?["additionalProperties"] as? [String: Any])
        XCTAssertEqual(names["type"] as? String, "string")
        XCTAssertEqual(properties["inner"]?["$ref"] as? String, "#/components/schemas/Inner")
        XCTAssertEqual(catalog.components["Inner"]?["required"] as? [String], ["value"])
        // A temperature is written in one unit of three, named by its key.
        let temperature = try XCTUnwrap(catalog.components["Temperature"])
        XCTAssertEqual(Set((temperature["properties"] as? [String: Any] ?? [:]).keys), ["kelvin", "celsius", "fahrenheit"])
        XCTAssertNil(temperature["required"])
    }

    func testModelsWithMapsAndBareArraysAreDescribedAsTheyAreWritten() throws {
        let catalog = SchemaCatalog()
        _ = catalog.schema(for: GeocodingResults.self)
        let place = try XCTUnwrap(catalog.components["GeocodedPlace"]?["properties"] as? [String: [String: Any]])
        XCTAssertEqual((place["local_names"]?["additionalProperties"] as? [String: Any])?["type"] as? String, "string")
        // GeocodingResults writes a bare array, so it is no component: its schema is the array's.
        XCTAssertNil(catalog.components["GeocodingResults"])
        XCTAssertEqual(catalog.schema(for: GeocodingResults.self)["type"] as? String, "array")
    }

    func testComponentNamesDropModulesAndJoinGenericArguments() {
        XCTAssertEqual(SchemaCatalog.componentName(of: LookupEnvelope<CurrentWeather>.self), "LookupEnvelopeCurrentWeather")
        XCTAssertEqual(SchemaCatalog.componentName(of: DaySummary.Temperatures.self), "Temperatures")
        XCTAssertEqual(SchemaCatalog.componentName(of: Problem.ProblemDocument.self), "ProblemDocument")
    }

    /// Every model a Swift service may receive from the API decodes back from what the service wrote.
    func testModelsDecodeFromWhatTheServiceWrites() throws {
        let wind = Wind(speed: Speed(metersPerSecond: 4.1), direction: Direction(degrees: 250), gust: nil)
        for units in [UnitSystem.standard, .metric, .imperial] {
            let bytes = try ServiceJSON.encode(wind, units: units)
            let decoded = try JSONDecoder().decode(Wind.self, from: Data(bytes))
            XCTAssertEqual(decoded.speed.metersPerSecond, 4.1, accuracy: 0.01, "\(units)")
            XCTAssertEqual(decoded.direction.degrees, 250)
        }
    }

    /// The check the route tests rely on finds what is wrong, with its path.
    func testTheConformanceCheckReportsWhatDoesNotMatch() {
        let catalog = SchemaCatalog()
        let schema = catalog.schema(for: Sample.self)
        let check = SchemaConformance(components: catalog.components)
        let good = #"{"place_name":"Oslo","count":2,"kinds":["rain"],"names":{"de":"Oslo"},"when":"2026-12-07T10:00:00Z","temperature":{"celsius":3.5}}"#
        XCTAssertEqual(check.violations(ofJSON: Array(good.utf8), against: schema), [])
        let bad = #"{"place_name":"Oslo","count":2.5,"kinds":["hail"],"names":{"de":1},"when":"x","temperature":{"celsius":true},"extra":1}"#
        XCTAssertEqual(
            Set(check.violations(ofJSON: Array(bad.utf8), against: schema)),
            [
                "$.count: number(2.5) is not integer", "$.kinds[0]: hail not in [\"rain\", \"snow\"]", "$.names.de: number(1.0) is not string",
                "$.temperature.celsius: bool(true) is not number", "$: undocumented member extra",
            ])
    }

    /// A type whose derivation failed would be an empty schema, which admits anything: none is.
    func testEveryDerivedSchemaOfTheDocumentSaysSomething() throws {
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json)) as? [String: Any])
        let schemas = try XCTUnwrap((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
        XCTAssertGreaterThan(schemas.count, 40)
        func check(_ schema: [String: Any], _ path: String) {
            XCTAssertFalse(schema.isEmpty, "\(path) is an empty schema")
            for (name, property) in schema["properties"] as? [String: [String: Any]] ?? [:] { check(property, "\(path).\(name)") }
            if let items = schema["items"] as? [String: Any] { check(items, "\(path)[]") }
            if let values = schema["additionalProperties"] as? [String: Any] { check(values, "\(path).*") }
        }
        for (name, schema) in schemas { check(schema, name) }
        for route in LookupRoute.all {
            let name = SchemaCatalog.componentName(of: route.data)
            XCTAssertNotNil(schemas["LookupEnvelope" + name], route.path)
        }
    }
}
