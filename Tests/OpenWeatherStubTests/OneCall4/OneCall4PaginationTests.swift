import Foundation
import XCTest

@testable import OpenWeatherStub

/// `prev`/`next` arithmetic (next = last dt + step while data exists; prev = t0 − N·step while
/// history exists), `start`, `cnt`, and the link format.
final class OneCall4PaginationTests: XCTestCase {
    private let client = OneCall4Client()

    /// Follows `next` from `uri` until it is absent; returns every page.
    private func walk(_ uri: String, limit: Int = 10) throws -> [[String: Any]] {
        var pages = [try client.object(uri)]
        while let next = pages.last?["next"] as? String, pages.count < limit {
            pages.append(try client.object(try ParsedLink(next).uri(droppingBase: client.linkBase)))
        }
        return pages
    }

    func testQuarterHourWalkIsFourPagesOf50_50_50_42() throws {
        let pages = try walk("/data/4.0/onecall/timeline/15min?lat=51.5&lon=-0.1&appid=k")
        XCTAssertEqual(pages.map { ($0["data"] as? [Any])?.count }, [50, 50, 50, 42])
        let times = pages.flatMap { ($0["data"] as? [[String: Any]] ?? []).compactMap { $0["dt"] as? Int } }
        let first = (client.now / 900 + 1) * 900
        XCTAssertEqual(times, (0..<192).map { first + $0 * 900 }, "48 hours, no gap, no overlap")
        for (index, page) in pages.enumerated() {
            let data = page["data"] as? [[String: Any]] ?? []
            if index < 3 {
                let next = try ParsedLink(try XCTUnwrap(page["next"] as? String))
                XCTAssertEqual(next.start, (data.last?["dt"] as? Int ?? 0) + 900, "next = last dt + step")
            } else {
                XCTAssertNil(page["next"], "no data past +48 h")
            }
            if index == 0 {
                XCTAssertNil(page["prev"])
            } else {
                let t0 = data.first?["dt"] as? Int ?? 0
                XCTAssertEqual(try ParsedLink(try XCTUnwrap(page["prev"] as? String)).start, t0 - 50 * 900)
            }
        }
    }

    func testLinksHaveTheDocumentedFormWithTheCallersKey() throws {
        let json = try client.object("/data/4.0/onecall/timeline/15min?lat=51.5&lon=-0.1&appid=k&units=metric&lang=de")
        let next = try XCTUnwrap(json["next"] as? String)
        let start = (client.now / 900 + 1) * 900 + 50 * 900
        XCTAssertEqual(
            next,
            "http://127.0.0.1:9100/data/4.0/onecall/timeline/15min?lat=51.5000&lon=-0.1000&start=\(start)&appid=k",
            "no units or lang by default")
        let day = try client.object("/data/4.0/onecall/timeline/1day?lat=51.5&lon=-0.1&appid=k")
        let dayNext = try ParsedLink(try XCTUnwrap(day["next"] as? String))
        XCTAssertEqual(dayNext.names, ["cnt", "lat", "lon", "start", "appid"])
        XCTAssertEqual(dayNext.items["cnt"], "10")
        XCTAssertEqual(dayNext.base, "http://127.0.0.1:9100/data/4.0/onecall/timeline/1day")
        var secretive = client
        secretive.apiKey = "s3cr&t key"
        let hour = try secretive.object("/data/4.0/onecall/timeline/1h?lat=1&lon=2&appid=s3cr%26t%20key")
        let link = try XCTUnwrap(hour["next"] as? String)
        XCTAssert(link.hasSuffix("&appid=s3cr%26t%20key"), link)
        XCTAssertEqual(try ParsedLink(link).names, ["lat", "lon", "start", "appid"])
    }

    func testHourlyHistoryPagesLinkBothWaysAndOverlapConsistently() throws {
        let start = 1_000_000_800  // 2001-09-09T01:46:40Z, aligned down to 01:00
        let json = try client.object("/data/4.0/onecall/timeline/1h?lat=48.85&lon=2.35&start=\(start)&appid=k")
        let data = try XCTUnwrap(json["data"] as? [[String: Any]])
        let t0 = start / 3600 * 3600
        XCTAssertEqual(data.compactMap { $0["dt"] as? Int }, (0..<20).map { t0 + $0 * 3600 })
        let prev = try ParsedLink(try XCTUnwrap(json["prev"] as? String))
        let next = try ParsedLink(try XCTUnwrap(json["next"] as? String))
        XCTAssertEqual(prev.start, t0 - 20 * 3600)
        XCTAssertEqual(next.start, t0 + 20 * 3600)
        let previous = try client.records(prev.uri(droppingBase: client.linkBase))
        XCTAssertEqual(previous.last?["dt"] as? Int, t0 - 3600, "prev ends right before t0")
        // A page starting half-way overlaps: the shared hours must be identical.
        let overlapping = try client.records(
            "/data/4.0/onecall/timeline/1h?lat=48.85&lon=2.35&start=\(t0 + 10 * 3600)&appid=k")
        for record in overlapping.prefix(10) {
            let dt = record["dt"] as? Int
            let same = try XCTUnwrap(data.first { $0["dt"] as? Int == dt })
            XCTAssertEqual(NSDictionary(dictionary: record), NSDictionary(dictionary: same))
        }
    }

    func testHourlyForecastEndsAt48HoursInThreePages() throws {
        let pages = try walk("/data/4.0/onecall/timeline/1h?lat=1&lon=2&appid=k")
        XCTAssertEqual(pages.map { ($0["data"] as? [Any])?.count }, [20, 20, 8])
        XCTAssertNotNil(pages[0]["prev"], "history exists before the current hour")
    }

    func testArchiveStartHasNoPrevAndPrevIsClampedToIt() throws {
        let first = OneCall4Timeline.archiveStart
        let json = try client.object("/data/4.0/onecall/timeline/1h?lat=1&lon=2&start=\(first)&appid=k")
        XCTAssertNil(json["prev"])
        XCTAssertEqual((json["data"] as? [[String: Any]])?.first?["dt"] as? Int, first)
        let later = try client.object("/data/4.0/onecall/timeline/1h?lat=1&lon=2&start=\(first + 5 * 3600)&appid=k")
        XCTAssertEqual(try ParsedLink(try XCTUnwrap(later["prev"] as? String)).start, first)
        let day = try client.object("/data/4.0/onecall/timeline/1day?lat=1&lon=2&start=\(first)&appid=k")
        XCTAssertNil(day["prev"])
        XCTAssertEqual((day["data"] as? [[String: Any]])?.first?["dt"] as? Int, first + 43_200, "1979-01-01 12:00 UTC")
    }

    func testDailyHistoryPrevAndNextAreTenDaysApart() throws {
        let json = try client.object("/data/4.0/onecall/timeline/1day?lat=51.5&lon=-0.1&start=1600000000&appid=k")
        let data = try XCTUnwrap(json["data"] as? [[String: Any]])
        let t0 = try XCTUnwrap(data.first?["dt"] as? Int)
        XCTAssertEqual(try ParsedLink(try XCTUnwrap(json["prev"] as? String)).start, t0 - 10 * 86_400)
        XCTAssertEqual(
            try ParsedLink(try XCTUnwrap(json["next"] as? String)).start, (data.last?["dt"] as? Int ?? 0) + 86_400)
        let previous = try client.records(
            try ParsedLink(try XCTUnwrap(json["prev"] as? String)).uri(droppingBase: client.linkBase))
        XCTAssertEqual(previous.count, 10)
        XCTAssertEqual(previous.last?["dt"] as? Int, t0 - 86_400)
    }

    func testDailySpanEndsAbout548DaysAhead() throws {
        let last = OneCall4Timeline.day.last(place: SyntheticPlace.at(latitude: 1, longitude: 2), now: client.now)
        XCTAssertEqual((last - client.now) / 86_400, 547)
        let json = try client.object("/data/4.0/onecall/timeline/1day?lat=1&lon=2&start=\(last - 3 * 86_400)&appid=k")
        XCTAssertEqual((json["data"] as? [Any])?.count, 4, "a short last page")
        XCTAssertNil(json["next"])
    }

    func testCountIsHonouredAndClampedAndCarriedIntoLinks() throws {
        let five = try client.object("/data/4.0/onecall/timeline/1h?lat=1&lon=2&cnt=5&appid=k")
        let data = try XCTUnwrap(five["data"] as? [[String: Any]])
        XCTAssertEqual(data.count, 5)
        let t0 = try XCTUnwrap(data.first?["dt"] as? Int)
        let next = try ParsedLink(try XCTUnwrap(five["next"] as? String))
        XCTAssertEqual(next.start, t0 + 5 * 3600)
        XCTAssertEqual(next.items["cnt"], "5")
        XCTAssertEqual(try ParsedLink(try XCTUnwrap(five["prev"] as? String)).start, t0 - 5 * 3600)
        XCTAssertEqual(try client.records("/data/4.0/onecall/timeline/1h?lat=1&lon=2&cnt=500&appid=k").count, 20)
        XCTAssertEqual(try client.records("/data/4.0/onecall/timeline/15min?lat=1&lon=2&cnt=99&appid=k").count, 50)
        let days = try client.object("/data/4.0/onecall/timeline/1day?lat=1&lon=2&cnt=3&appid=k")
        XCTAssertEqual((days["data"] as? [Any])?.count, 3)
        XCTAssertEqual(try ParsedLink(try XCTUnwrap(days["next"] as? String)).items["cnt"], "3")
    }

    func testStartPastTheHorizonIsAnEmptyPageWithoutNext() throws {
        let json = try client.object(
            "/data/4.0/onecall/timeline/1h?lat=1&lon=2&start=\(client.now + 30 * 86_400)&appid=k")
        XCTAssertEqual((json["data"] as? [Any])?.count, 0)
        XCTAssertNil(json["next"])
    }

    func testQuarterHourStartInThePastIsClampedToTheFirstSlot() throws {
        let data = try client.records("/data/4.0/onecall/timeline/15min?lat=1&lon=2&start=\(client.now - 7200)&appid=k")
        XCTAssertEqual(data.first?["dt"] as? Int, (client.now / 900 + 1) * 900)
    }

    func testLinkBaseIsTheConfiguredOneOrHowTheRequestArrived() async throws {
        try await OpenWeatherStub.withRunning { stub in
            let reply = try await stub.call("/data/4.0/onecall/timeline/1h?lat=1&lon=2&appid=stub-key")
            let json = try XCTUnwrap(try reply.json() as? [String: Any])
            let next = try XCTUnwrap(json["next"] as? String)
            XCTAssert(next.hasPrefix("http://127.0.0.1:\(stub.port)/data/4.0/onecall/timeline/1h?"), next)
            let followed = try await stub.call(String(next.dropFirst(stub.baseURL.count)))
            XCTAssertEqual(followed.status, 200, "a link the stub made leads back to it")
        }
        try await OpenWeatherStub.withRunning(
            configuration: .init(oneCall4LinkBase: "https://api.openweathermap.org/")
        ) { stub in
            let reply = try await stub.call("/data/4.0/onecall/timeline/1day?lat=1&lon=2&appid=stub-key")
            let next = try XCTUnwrap((try reply.json() as? [String: Any])?["next"] as? String)
            XCTAssert(next.hasPrefix("https://api.openweathermap.org/data/4.0/onecall/timeline/1day?cnt=10&"), next)
        }
    }
}
