import WeatherCore
import WeatherTesting
import XCTest

final class RecordingObserverTests: XCTestCase {
    func testKeepsEveryEventInOrderAndFiltersByKind() {
        let observer = RecordingObserver()
        observer.record(.upstreamCall(.current))
        observer.record(.lookup(.current, .miss))
        observer.record(.lookup(.forecast, .hit))
        XCTAssertEqual(observer.events, [.upstreamCall(.current), .lookup(.current, .miss), .lookup(.forecast, .hit)])
        XCTAssertEqual(observer.events(.lookup).map(\.cacheStatus), [.miss, .hit])
        XCTAssertEqual(observer.events(.lookup).map(\.family), [.current, .forecast])
        XCTAssertTrue(observer.events(.quotaFallback).isEmpty)
        observer.reset()
        XCTAssertTrue(observer.events.isEmpty)
    }
}
