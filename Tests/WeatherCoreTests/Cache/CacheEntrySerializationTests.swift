import Foundation
import WeatherCore
import XCTest

final class CacheEntrySerializationTests: XCTestCase {
    func testRoundTripAndRejectsOtherBytes() {
        let entry = CacheEntry(
            body: Array(#"{"dt":1}"#.utf8), fetchedAt: Date(timeIntervalSince1970: 1_767_225_600.123),
            freshUntil: Date(timeIntervalSince1970: 1_767_226_200),
            staleUntil: Date(timeIntervalSince1970: 1_767_229_800),
            observedAt: Date(timeIntervalSince1970: 1_767_225_000))
        XCTAssertEqual(CacheEntry(serialized: entry.serialized()), entry)
        let negative = CacheEntry(
            body: [], fetchedAt: Date(timeIntervalSince1970: 1), freshUntil: Date(timeIntervalSince1970: 2),
            staleUntil: Date(timeIntervalSince1970: 2), isNegative: true)
        XCTAssertEqual(CacheEntry(serialized: negative.serialized()), negative)
        XCTAssertNil(CacheEntry(serialized: Array("WTC1".utf8)))
        XCTAssertNil(CacheEntry(serialized: Array("not a cache entry at all, but long enough".utf8)))
    }
}
