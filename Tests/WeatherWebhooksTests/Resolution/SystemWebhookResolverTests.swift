import WeatherWebhooks
import XCTest

final class SystemWebhookResolverTests: XCTestCase {
    func testLocalhostResolvesToLoopbackAndIsRefused() async throws {
        let addresses = try await SystemWebhookResolver().addresses(of: "localhost", port: 443)
        XCTAssertFalse(addresses.isEmpty)
        XCTAssertTrue(addresses.allSatisfy { IPAddressClass($0) == .loopback }, "\(addresses)")

        do {
            _ = try await WebhookURLPolicy().check("https://localhost/hook", resolver: SystemWebhookResolver())
            XCTFail("localhost accepted")
        } catch {
            XCTAssertEqual(error.code, .forbiddenAddress)
            XCTAssertEqual(error.addressClass, .loopback)
        }
    }

    func testANumericHostResolvesToItself() async throws {
        let addresses = try await SystemWebhookResolver().addresses(of: "192.0.2.7", port: 80)
        XCTAssertEqual(addresses, [IPAddress("192.0.2.7")!])
    }

    func testAnInvalidNameIsAnError() async {
        do {
            _ = try await SystemWebhookResolver().addresses(of: "no-such-host.invalid", port: 443)
            XCTFail("resolved a .invalid name")
        } catch {
            XCTAssertFalse(error.message.isEmpty)
        }
    }
}
