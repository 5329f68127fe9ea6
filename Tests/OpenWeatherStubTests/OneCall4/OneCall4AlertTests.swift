import Foundation
import XCTest

@testable import OpenWeatherStub

/// Alerts: Berlin's daily heat warning (10:00–18:00 UTC) and London's wind warning (06:00 UTC on
/// even days, 30 h) appear on the records inside their windows and answer at `alert/{id}`.
final class OneCall4AlertTests: XCTestCase {
    private let client = OneCall4Client()  // 2026-03-31T10:33:20Z: both alerts in force
    private let berlin = "lat=52.5244&lon=13.4105&appid=k"
    private let heatID = "2.49.0.0.276.0.DE.260331040000.W:Heat:0001"
    private let windID = "2.49.0.0.826.0.GB.260330000000.W:Wind:0001"

    private func alerts(_ record: [String: Any]?) -> [String] { record?["alerts"] as? [String] ?? [] }

    func testCurrentCarriesTheAlertIDsInForce() throws {
        XCTAssertEqual(alerts(try client.records("/data/4.0/onecall/current?\(berlin)").first), [heatID])
        let london = try client.records("/data/4.0/onecall/current?lat=51.5085&lon=-0.1257&appid=k")
        XCTAssertEqual(alerts(london.first), [windID])
        let paris = try client.records("/data/4.0/onecall/current?lat=48.8534&lon=2.3488&appid=k")
        XCTAssertNil(paris.first?["alerts"], "absent, not [], where no alert applies")
    }

    func testTimelinesCarryIDsOnlyInsideTheWindow() throws {
        let minutes = try client.records("/data/4.0/onecall/timeline/1min?\(berlin)")
        XCTAssert(minutes.allSatisfy { alerts($0) == [heatID] }, "10:34–11:33 is inside 10:00–18:00")
        let hours = try client.records("/data/4.0/onecall/timeline/1h?\(berlin)")
        for record in hours {
            let dt = try XCTUnwrap(record["dt"] as? Int)
            let inWindow = dt >= 1_774_951_200 && dt < 1_774_980_000  // today 10:00–18:00 UTC
            XCTAssertEqual(alerts(record), inWindow ? [heatID] : [], "\(dt)")
        }
        XCTAssertEqual(alerts(hours.first), [heatID])
        let quarters = try client.records("/data/4.0/onecall/timeline/15min?\(berlin)")
        XCTAssertEqual(quarters.filter { !alerts($0).isEmpty }.count, 29, "10:45 to 17:45 today")
        let days = try client.records("/data/4.0/onecall/timeline/1day?\(berlin)")
        XCTAssertEqual(alerts(days.first), [heatID])
    }

    func testOnlyIssuedAlertsAppear() throws {
        // Tomorrow's heat warning is issued at 04:00 UTC tomorrow: not on today's forecast yet.
        let hours = try client.records("/data/4.0/onecall/timeline/1h?\(berlin)&start=1775034000")  // 04-01 09:00
        XCTAssert(hours.allSatisfy { alerts($0).isEmpty })
        var tomorrow = client
        tomorrow.now = 1_775_034_000
        let issued = try tomorrow.records("/data/4.0/onecall/timeline/1h?\(berlin)&start=1775034000")
        XCTAssertEqual(alerts(issued[1]), ["2.49.0.0.276.0.DE.260401040000.W:Heat:0001"])
    }

    func testHistoryKeepsItsAlertsWhateverNowIs() throws {
        let uri = "/data/4.0/onecall/timeline/1h?\(berlin)&start=1700000000"
        var later = client
        later.now += 90 * 86_400
        XCTAssertEqual(client.get(uri).body, later.get(uri).body)
        XCTAssert(try client.records(uri).contains { !alerts($0).isEmpty })
    }

    func testAlertDetailHasTheLiveShape() throws {
        let encoded = heatID.replacingOccurrences(of: ":", with: "%3A")
        let json = try client.object("/data/4.0/onecall/alert/\(encoded)?appid=k")
        XCTAssertEqual(json["id"] as? String, heatID)
        XCTAssertEqual(json["sender_name"] as? String, "Deutscher Wetterdienst")
        XCTAssertEqual(json["event"] as? String, "")
        XCTAssertEqual(json["start"] as? Int, 1_774_951_200)
        XCTAssertEqual(json["end"] as? Int, 1_774_980_000)
        let description = try XCTUnwrap(json["description"] as? [[String: String]])
        XCTAssertEqual(description.map { $0["language"] }, ["en-GB", "de-DE"])
        XCTAssertEqual(json["tags"] as? [String], ["Extreme high temperature"])
        XCTAssertNil(json["data"], "a bare object, no envelope")
        XCTAssertEqual(try client.object("/data/4.0/onecall/alert/\(windID)?appid=k")["id"] as? String, windID)
        XCTAssertEqual(try client.object("/data/4.0/onecall/alert/\(windID)/?appid=k")["id"] as? String, windID)
    }

    func testUnknownExpiredAndUnissuedIDsAre404() {
        var later = client
        later.now = 1_774_980_000  // 18:00 UTC, the heat warning's end
        let notFound = #"{"cod":404,"message":"Internal error"}"#
        for (stub, id) in [
            (later, heatID), (client, "8B46C632-DCA7-44D7-8BDF-02445621BAFF"),
            (client, "2.49.0.0.276.0.DE.260401040000.W:Heat:0001"),
            (client, "2.49.0.0.276.0.DE.260331050000.W:Heat:0001"),
            (client, "2.49.0.0.826.0.GB.260331000000.W:Wind:0001"),
        ] {
            let response = stub.get("/data/4.0/onecall/alert/\(id)?appid=k")
            XCTAssertEqual(response.status, 404, id)
            XCTAssertEqual(response.body, notFound, id)
        }
    }
}
