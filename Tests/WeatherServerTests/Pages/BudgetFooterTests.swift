import Foundation
import HTTPTypes
import HummingbirdTesting
import OpenWeatherStub
import WeatherCore
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// The pages' footer: one line on the upstream budget left today, from the figures of `/v1/quota`.
final class BudgetFooterTests: XCTestCase {
    func testTheFooterShowsTheOneCallBudgetLeftTodayAfterThePagesOwnCalls() async throws {
        let policy = QuotaPolicy(callsPerMinute: 60, dailyBudget: [.oneCall: 1_000])
        try await ServiceHarness.run(quota: policy) { harness, client in
            let page = try await client.execute(uri: "/place?city=Oslo", method: .get)
            XCTAssertEqual(page.status, .ok, page.text)
            let oneCalls = harness.stub.stats.requestsByPath
                .filter { $0.key.contains("/onecall") }.values.reduce(0, +)
            XCTAssertGreaterThan(oneCalls, 0, "the place page asks One Call")
            XCTAssertTrue(
                page.text.contains(
                    "<p class=\"budget-line\">Upstream budget left today: \(1_000 - oneCalls) of 1000 One Call calls (local to this replica)."
                ),
                page.text.components(separatedBy: "<footer").last ?? "")
            let home = try await client.execute(uri: "/", method: .get)
            XCTAssertTrue(
                home.text.contains("Upstream budget left today: \(1_000 - oneCalls) of 1000"), "the overview too")
        }
    }

    func testTheLineSaysSharedCooldownAndFallsBackToTheMinute() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let shared = QuotaSnapshot(
            scope: .shared, perMinute: QuotaUsage(limit: 60, used: 3, resetsAt: nil),
            daily: [.oneCall: QuotaUsage(limit: 1_000, used: 13, resetsAt: nil)],
            cooldownRemaining: .milliseconds(11_200),
            takenAt: now)
        XCTAssertEqual(
            BudgetLine.text(shared),
            "Upstream budget left today: 987 of 1000 One Call calls (shared by every replica); paused 12 s after a rate limit from OpenWeather."
        )
        let minuteOnly = QuotaSnapshot(
            scope: .local, perMinute: QuotaUsage(limit: 60, used: 3, resetsAt: nil), takenAt: now)
        XCTAssertEqual(
            BudgetLine.text(minuteOnly), "Upstream budget: 57 of 60 calls left this minute (local to this replica).")
    }
}
