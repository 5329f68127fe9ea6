import WeatherWebhooks
import XCTest

final class IPAddressClassTests: XCTestCase {
    func testClassifiesEveryRange() throws {
        let table: [(String, IPAddressClass)] = [
            ("0.0.0.0", .unspecified), ("0.1.2.3", .unspecified),
            ("10.0.0.1", .private), ("10.255.255.255", .private),
            ("100.64.0.1", .private), ("100.127.255.255", .private), ("100.63.255.255", .public),
            ("100.128.0.0", .public),
            ("127.0.0.1", .loopback), ("127.255.255.254", .loopback),
            ("169.254.169.254", .linkLocal), ("169.254.0.1", .linkLocal),
            ("172.16.0.1", .private), ("172.31.255.255", .private), ("172.15.255.255", .public),
            ("172.32.0.0", .public),
            ("192.168.1.1", .private),
            ("192.0.0.8", .reserved), ("192.0.2.1", .documentation), ("192.88.99.1", .reserved),
            ("198.18.0.1", .documentation), ("198.19.255.255", .documentation), ("198.20.0.0", .public),
            ("198.51.100.7", .documentation), ("203.0.113.9", .documentation),
            ("224.0.0.1", .multicast), ("239.255.255.250", .multicast),
            ("240.0.0.1", .reserved), ("255.255.255.254", .reserved), ("255.255.255.255", .broadcast),
            ("1.1.1.1", .public), ("8.8.8.8", .public), ("93.184.216.34", .public),
            ("::", .unspecified), ("::1", .loopback),
            ("fc00::1", .private), ("fd12:3456::1", .private),
            ("fe80::1", .linkLocal), ("febf::1", .linkLocal), ("fec0::1", .reserved),
            ("ff02::1", .multicast), ("ff05::2", .multicast),
            ("2001:db8::1", .documentation), ("3fff::1", .documentation), ("2001:2::1", .documentation),
            ("2001::1", .reserved), ("100::1", .reserved), ("4000::1", .reserved),
            ("::ffff:127.0.0.1", .loopback), ("::ffff:169.254.169.254", .linkLocal), ("::ffff:10.0.0.1", .private),
            ("::ffff:8.8.8.8", .public),
            ("::127.0.0.1", .loopback), ("::10.1.2.3", .private),
            ("64:ff9b::127.0.0.1", .loopback), ("64:ff9b::a9fe:a9fe", .linkLocal), ("64:ff9b::8.8.8.8", .public),
            ("64:ff9b:1::1", .private),
            ("2002:7f00:1::1", .loopback), ("2002:0808:0808::1", .public),
            ("2606:4700:4700::1111", .public), ("2a00:1450:4001:80b::200e", .public),
        ]
        for (text, expected) in table {
            let address = try XCTUnwrap(IPAddress(text), text)
            XCTAssertEqual(IPAddressClass(address), expected, text)
        }
    }

    func testOnlyStandardFormsParse() {
        for text in [
            "127.1", "0x7f.0.0.1", "2130706433", "0177.0.0.1", "1.2.3.4.5", "256.0.0.1", "[::1]", "fe80::1%eth0",
            "localhost", "", " 1.2.3.4",
        ] {
            XCTAssertNil(IPAddress(text), text)
        }
    }

    func testPrintsTheStandardForm() throws {
        XCTAssertEqual(try XCTUnwrap(IPAddress("169.254.169.254")).description, "169.254.169.254")
        XCTAssertEqual(try XCTUnwrap(IPAddress("2001:0db8:0000::0001")).description, "2001:db8::1")
        XCTAssertEqual(try XCTUnwrap(IPAddress("::ffff:127.0.0.1")).description, "::ffff:127.0.0.1")
        XCTAssertEqual(IPAddress(bytes: [192, 0, 2, 1])?.family, .v4)
        XCTAssertNil(IPAddress(bytes: [1, 2, 3]))
    }
}
