import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

final class ClientAddressTests: XCTestCase {
    func testTheRemoteAddressIsTheClientWithoutTrustedProxies() {
        XCTAssertEqual(ClientAddress.key(peer: "127.0.0.1", forwardedFor: ["6.6.6.6"], trustedHops: 0), "127.0.0.1")
        XCTAssertEqual(ClientAddress.key(peer: nil, forwardedFor: [], trustedHops: 0), "unknown")
    }

    func testTrustedHopsCountFromTheRightOfXForwardedFor() {
        let chain = ["1.1.1.1, 203.0.113.7", "10.0.0.2"]  // client-written, client, proxy 2
        XCTAssertEqual(ClientAddress.key(peer: "10.0.0.1", forwardedFor: chain, trustedHops: 1), "10.0.0.2")
        XCTAssertEqual(ClientAddress.key(peer: "10.0.0.1", forwardedFor: chain, trustedHops: 2), "203.0.113.7")
        XCTAssertEqual(ClientAddress.key(peer: "10.0.0.1", forwardedFor: chain, trustedHops: 9), "1.1.1.1")
        XCTAssertEqual(ClientAddress.key(peer: "10.0.0.1", forwardedFor: [], trustedHops: 1), "10.0.0.1")
        // Garbage where the client's address should be counts against the connection, not one shared bucket.
        XCTAssertEqual(ClientAddress.key(peer: "10.0.0.1", forwardedFor: ["garbage"], trustedHops: 1), "10.0.0.1")
        XCTAssertEqual(ClientAddress.key(peer: "10.0.0.9", forwardedFor: ["x, unknown"], trustedHops: 1), "10.0.0.9")
    }

    func testIPv6IsAlsoChargedToItsSlash48() {
        XCTAssertEqual(
            ClientAddress.buckets(forKey: "2001:db8:1:2::/64"),
            [.init(key: "2001:db8:1:2::/64", scale: 1), .init(key: "2001:db8:1::/48", scale: 4)])
        XCTAssertEqual(ClientAddress.buckets(forKey: "203.0.113.7"), [.init(key: "203.0.113.7", scale: 1)])
        // 65,536 /64s of one /48 get four clients' budgets together, not 65,536.
        let limiter = ClientRateLimiter(limit: ClientLimit(ratePerSecond: 0.001, burst: 2), clock: ManualClock())
        var admitted = 0
        for subnet in 0..<1_000 {
            let key = ClientAddress.normalized("2001:db8:1:\(String(subnet, radix: 16))::1")!
            for _ in 0..<2 where limiter.admit(ClientAddress.buckets(forKey: key)) == .admitted { admitted += 1 }
        }
        XCTAssertEqual(admitted, 8)
    }

    func testIPv6CountsByItsSlash64AndMappedIPv4AsIPv4() {
        XCTAssertEqual(ClientAddress.normalized("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64")
        XCTAssertEqual(ClientAddress.normalized("2001:DB8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64")
        XCTAssertEqual(ClientAddress.normalized("[2001:db8::1]:443"), "2001:db8:0:0::/64")
        XCTAssertEqual(ClientAddress.normalized("::1"), "0:0:0:0::/64")
        XCTAssertEqual(ClientAddress.normalized("::ffff:192.0.2.1"), "192.0.2.1")
        XCTAssertEqual(ClientAddress.normalized("fe80::1%eth0"), "fe80:0:0:0::/64")
        XCTAssertEqual(ClientAddress.normalized("192.0.2.1:8080"), "192.0.2.1")
        XCTAssertEqual(ClientAddress.normalized("010.000.0.1"), "10.0.0.1")
    }

    func testGarbageIsNotAnAddress() {
        for text in [
            "", "1.2.3", "1.2.3.256", "1.2.3.4.5", "::1::2", "12345::", "g::1", "1:2:3:4:5:6:7:8:9", "+1.2.3.4",
            String(repeating: "1", count: 100), "a\u{0}b", "1.2.3.-4",
        ] {
            XCTAssertNil(ClientAddress.normalized(text), text)
        }
    }
}
