import Foundation
import OpenWeatherStub
import WeatherCore
import WeatherHTTP
import WeatherTesting
import XCTest

/// One Call assembled from 4.0's endpoints says what One Call 3.0 says for the same synthetic
/// weather: the stub serves both from one model, and the client fixed to each version asks it at
/// the same instant, over curl.
final class OneCallAcrossVersionsTests: XCTestCase {
    func testTheAssembled40AnswerEqualsThe30AnswerInContent() async throws {
        // Two instants: Berlin in its daily heat alert (and London in its wind alert on an even day),
        // and New York, west of Greenwich, where a day page asked from UTC midnight starts yesterday.
        let instants = [1_796_464_800, 1_796_500_000]  // 2026-12-05T10:40Z, 2026-12-05T20:26:40Z
        let places = [
            try Coordinates(latitude: 52.52, longitude: 13.405), try Coordinates(latitude: 51.5074, longitude: -0.1278),
            try Coordinates(latitude: 40.7128, longitude: -74.006),
        ]
        for instant in instants {
            let configuration = OpenWeatherStub.Configuration(
                now: { instant }, oneCall4Quirks: [.alertEventFilled, .alertDescriptionString])
            try await OpenWeatherStub.withRunning(configuration: configuration) { stub in
                let transport = CurlTransport(configuration: .init())
                defer { Task { await transport.shutdown() } }
                func client(_ version: WeatherCore.OneCallVersion) -> WeatherClient {
                    WeatherClient(
                        transport: transport,
                        configuration: .init(
                            apiKey: APIKey(OpenWeatherStub.Configuration.defaultAPIKey), baseURL: stub.baseURL,
                            retry: RetryPolicy(maxAttempts: 1), quota: .unlimited, oneCallVersion: version),
                        clock: ManualClock(start: Date(timeIntervalSince1970: TimeInterval(instant))),
                        random: .constant(0.5))
                }
                let (v3, v4) = (client(.v3), client(.v4))
                for place in places {
                    var three = try await v3.oneCall(for: place).value
                    var four = try await v4.oneCall(for: place).value
                    XCTAssertEqual(three.source?.api, .v3)
                    XCTAssertEqual(four.source?.api, .v4)
                    (three.source, four.source) = (nil, nil)
                    // 3.0 has a day's summary text, which 4.0 does not document; 4.0 says which alerts
                    // apply to each record, and names each alert, which 3.0 does not.
                    for index in three.daily.indices { three.daily[index].summary = nil }
                    four.current?.alertIDs = nil
                    for index in four.minutely.indices { four.minutely[index].alertIDs = nil }
                    for index in four.hourly.indices { four.hourly[index].alertIDs = nil }
                    for index in four.daily.indices { four.daily[index].alertIDs = nil }
                    four.alerts = four.alerts?.map { var alert = $0; alert.id = nil; return alert }
                    XCTAssertEqual(three.current, four.current, "current at \(place), \(instant)")
                    XCTAssertEqual(three.minutely, four.minutely, "minutely at \(place), \(instant)")
                    XCTAssertEqual(three.hourly, four.hourly, "hourly at \(place), \(instant)")
                    XCTAssertEqual(three.daily, four.daily, "daily at \(place), \(instant)")
                    XCTAssertEqual(three.alerts, four.alerts, "alerts at \(place), \(instant)")
                    XCTAssertEqual(three.timeZoneIdentifier, four.timeZoneIdentifier)
                    XCTAssertEqual(three.daily.count, 8)
                }
            }
        }
    }
}
