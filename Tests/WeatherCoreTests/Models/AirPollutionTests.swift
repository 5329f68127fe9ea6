import Foundation
import WeatherTesting
import XCTest

@testable import WeatherCore

final class AirPollutionTests: XCTestCase {
    func testEveryFixtureDecodes() throws {
        for fixture in try FixtureDirectory(bundle: .module).all(in: "air") {
            let air = try AirPollution(jsonBytes: fixture.bytes)
            XCTAssertEqual(air.readings.count, 1, fixture.path)
            XCTAssertTrue((1...5).contains(air.readings[0].airQualityIndex), fixture.path)
            XCTAssertEqual(air.observedAt, air.readings[0].time, fixture.path)
        }
    }

    func testSpotCheck() throws {
        let air = try AirPollution(jsonBytes: FixtureDirectory(bundle: .module).bytes("air/0000.json"))
        XCTAssertEqual(air.coordinates, Coordinates(uncheckedLatitude: 50.0833, longitude: 19.9167))
        let reading = air.readings[0]
        XCTAssertEqual(reading.time, Date(timeIntervalSince1970: 1_713_160_800))
        XCTAssertEqual(reading.airQualityIndex, 1)
        XCTAssertEqual(
            reading.components,
            AirComponents(
                carbonMonoxide: 259.78, nitrogenMonoxide: 1.43, nitrogenDioxide: 26.1, ozone: 48.69,
                sulphurDioxide: 7.3,
                fineParticles: 7.04, coarseParticles: 12.54, ammonia: 0.89))
    }

    func testLongNumbersAreExact() throws {
        for fixture in try FixtureDirectory(bundle: .module).all(in: "air") {
            let air = try AirPollution(jsonBytes: fixture.bytes)
            let reference = try JSONDecoder().decode(AirBitsReference.self, from: Data(fixture.bytes))
            let ours = air.readings[0].components
            let theirs = reference.list[0].components
            XCTAssertEqual(ours.carbonMonoxide.bitPattern, theirs.co.bitPattern, fixture.path)
            XCTAssertEqual(ours.ozone.bitPattern, theirs.o3.bitPattern, fixture.path)
            XCTAssertEqual(ours.fineParticles.bitPattern, theirs.pm25.bitPattern, fixture.path)
            XCTAssertEqual(ours.coarseParticles.bitPattern, theirs.pm10.bitPattern, fixture.path)
        }
    }

    func testForecastAndHistory() throws {
        let text =
            #"{"coord":[50,50],"list":[{"dt":1605182400,"main":{"aqi":1},"components":{"co":201.94053649902344,"no":0.01877197064459324,"no2":0.7711350917816162,"o3":68.66455078125,"so2":0.6407499313354492,"pm2_5":0.5,"pm10":0.540438711643219,"nh3":0.12369127571582794}},{"dt":1605186000,"main":{"aqi":2},"components":{"co":200,"no":0,"no2":1,"o3":70,"so2":1,"pm2_5":1,"pm10":1,"nh3":0}}]}"#
        // The documentation's example writes coord as an array; a real response sends an object.
        assertDecodingFails(text, as: AirPollution.self, path: "coord")
        let fixed = text.replacingOccurrences(of: #""coord":[50,50]"#, with: #""coord":{"lon":50,"lat":50}"#)
        let air = try AirPollution(jsonBytes: Array(fixed.utf8))
        XCTAssertEqual(air.readings.count, 2)
        XCTAssertEqual(air.readings[0].components.carbonMonoxide, 201.94053649902344)
        XCTAssertEqual(air.readings[1].airQualityIndex, 2)
        XCTAssertEqual(air.readings[1].time, Date(timeIntervalSince1970: 1_605_186_000))
        XCTAssertEqual(try AirPollution(jsonBytes: Array(#"{"coord":{"lon":1,"lat":2},"list":[]}"#.utf8)).readings, [])
        assertDecodingFails(
            #"{"coord":{"lon":1,"lat":2},"list":[{"dt":1,"main":{},"components":{}}]}"#, as: AirPollution.self,
            path: "list[0].main.aqi")
    }
}

private struct AirBitsReference: Decodable {
    struct Entry: Decodable {
        struct Components: Decodable {
            var co, o3, pm25, pm10: Double
            enum CodingKeys: String, CodingKey {
                case co, o3, pm10
                case pm25 = "pm2_5"
            }
        }
        var components: Components
    }
    var list: [Entry]
}
