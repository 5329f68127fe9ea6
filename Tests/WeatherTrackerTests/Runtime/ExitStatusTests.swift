import WeatherCore
import XCTest

@testable import weather_tracker

final class ExitStatusTests: XCTestCase {
    func testEveryCodeHasItsClass() {
        let expected: [(WeatherError.Code, ExitStatus)] = [
            (.notFound, .notFound),
            (.invalidRequest, .usage),
            (.invalidAPIKey, .upstream), (.subscriptionRequired, .upstream), (.rateLimited, .upstream),
            (.quotaExhausted, .upstream), (.serverError, .upstream), (.badRequest, .upstream),
            (.unexpectedResponse, .upstream), (.decodingFailed, .upstream),
            (.timeout, .transport), (.connectionRefused, .transport), (.dnsFailure, .transport),
            (.tlsFailure, .transport), (.responseTooLarge, .transport), (.connectionFailed, .transport),
            (.cacheUnavailable, .transport),
        ]
        for (code, status) in expected {
            XCTAssertEqual(ExitStatus(for: code), status, "\(code)")
        }
    }

    func testTheNumbersScriptsRelyOn() {
        XCTAssertEqual(ExitStatus.usage.rawValue, 2)
        XCTAssertEqual(ExitStatus.notFound.rawValue, 3)
        XCTAssertEqual(ExitStatus.upstream.rawValue, 4)
        XCTAssertEqual(ExitStatus.transport.rawValue, 5)
    }

    func testCacheLineShowsStatusAgeAndKeyWithoutNamespace() {
        let result = WeatherResult(
            value: 1, cacheStatus: .hit, fetchedAt: Date(), age: .seconds(42),
            key: CacheKey(rawValue: "wt:v2:current:city=zurich:lang=en"))
        XCTAssertEqual(CacheReporter.line(for: result), "cache: hit (age 42s) current:city=zurich:lang=en")
    }
}
