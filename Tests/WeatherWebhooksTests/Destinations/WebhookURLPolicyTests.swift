import WeatherWebhooks
import XCTest

final class WebhookURLPolicyTests: XCTestCase {
    let production = WebhookURLPolicy()
    let development = WebhookURLPolicy(allowPrivateAddresses: true)
    let publicAnswer = StaticWebhookResolver([
        "hooks.example.com": [IPAddress("93.184.216.34")!, IPAddress("2606:2800:220:1:248:1893:25c8:1946")!]
    ])

    func testEveryForbiddenClassIsRefusedAsALiteral() async {
        let table: [(String, IPAddressClass)] = [
            ("https://127.0.0.1/", .loopback), ("https://[::1]/", .loopback),
            ("https://10.1.2.3/", .private), ("https://172.20.0.1/", .private),
            ("https://192.168.0.10:8443/x", .private),
            ("https://100.64.0.1/", .private), ("https://[fd00::1]/", .private),
            ("https://169.254.169.254/latest/meta-data/", .linkLocal), ("https://[fe80::1]/", .linkLocal),
            ("https://224.0.0.1/", .multicast), ("https://[ff02::1]/", .multicast),
            ("https://0.0.0.0/", .unspecified), ("https://[::]/", .unspecified),
            ("https://255.255.255.255/", .broadcast), ("https://240.0.0.1/", .reserved),
            ("https://192.0.2.1/", .documentation), ("https://198.51.100.1/", .documentation),
            ("https://203.0.113.1/", .documentation), ("https://198.18.0.1/", .documentation),
            ("https://[2001:db8::1]/", .documentation),
            ("https://[::ffff:127.0.0.1]/", .loopback), ("https://[::ffff:a9fe:a9fe]/", .linkLocal),
            ("https://[64:ff9b::10.0.0.1]/", .private), ("https://[::127.0.0.1]/", .loopback),
        ]
        for (url, expected) in table {
            let error = await refusal(url, policy: production, resolver: StaticWebhookResolver([:]))
            XCTAssertEqual(error?.code, .forbiddenAddress, url)
            XCTAssertEqual(error?.addressClass, expected, url)
            XCTAssertTrue(error?.message.contains("must reach the public internet") ?? false, url)
        }
    }

    func testTheMessageSaysWhichClass() async {
        let resolver = StaticWebhookResolver(["metadata.internal": [IPAddress("169.254.169.254")!]])
        let error = await refusal("https://metadata.internal/", policy: production, resolver: resolver)
        XCTAssertEqual(
            error?.message,
            "The webhook URL resolves to 169.254.169.254, a link-local address (cloud metadata lives there): webhook "
                + "URLs must reach the public internet.")
        XCTAssertEqual(error?.address, IPAddress("169.254.169.254"))
    }

    func testLegacyNumericHostsAreRefusedAsInvalidNotResolved() async {
        // inet_pton accepts only dotted quads; resolvers would read these as 127.0.0.1. They never reach a resolver:
        // the injected one has no answers and would fail with .unresolvable.
        for url in [
            "http://0x7f.1/", "http://127.1/", "http://2130706433/", "http://0177.0.0.1/", "http://0x7f000001/",
            "http://1.2.3.4.5/", "http://example.0x10/", "http://256.1.1.1/",
        ] {
            let error = await refusal(url, policy: development, resolver: StaticWebhookResolver([:]))
            XCTAssertEqual(error?.code, .invalidHost, url)
        }
    }

    func testANameResolvingToLoopbackIsRefused() async {
        let resolver = StaticWebhookResolver(["evil.example": [IPAddress("127.0.0.1")!]])
        let error = await refusal("https://evil.example/hook", policy: production, resolver: resolver)
        XCTAssertEqual(error?.code, .forbiddenAddress)
        XCTAssertEqual(error?.addressClass, .loopback)
        XCTAssertTrue(error?.message.contains("resolves to 127.0.0.1") ?? false)
    }

    func testOneForbiddenAnswerAmongPublicOnesIsEnoughToRefuse() async {
        let resolver = StaticWebhookResolver([
            "rebind.example": [IPAddress("93.184.216.34")!, IPAddress("::ffff:10.0.0.5")!]
        ])
        let error = await refusal("https://rebind.example/", policy: production, resolver: resolver)
        XCTAssertEqual(error?.addressClass, .private)
        XCTAssertEqual(error?.address, IPAddress("::ffff:10.0.0.5"))
    }

    func testAPublicAnswerIsAcceptedAndPinned() async throws {
        let destination = try await production.check("https://Hooks.Example.com/weather?x=1", resolver: publicAnswer)
        XCTAssertEqual(destination.scheme, "https")
        XCTAssertEqual(destination.host, "hooks.example.com")
        XCTAssertEqual(destination.port, 443)
        XCTAssertEqual(
            destination.addresses, [IPAddress("93.184.216.34")!, IPAddress("2606:2800:220:1:248:1893:25c8:1946")!])
        XCTAssertFalse(destination.hostIsAddress)
        XCTAssertEqual(
            destination.curlResolveEntry, "hooks.example.com:443:93.184.216.34,[2606:2800:220:1:248:1893:25c8:1946]")

        let withPort = try await production.check("https://hooks.example.com:8443", resolver: publicAnswer)
        XCTAssertEqual(withPort.port, 8443)
        XCTAssertEqual(withPort.curlResolveEntry?.hasPrefix("hooks.example.com:8443:"), true)
    }

    func testDuplicateAnswersArePinnedOnce() async throws {
        let resolver = StaticWebhookResolver(["twice.example": [IPAddress("8.8.8.8")!, IPAddress("8.8.8.8")!]])
        let destination = try await production.check("https://twice.example/", resolver: resolver)
        XCTAssertEqual(destination.addresses, [IPAddress("8.8.8.8")!])
    }

    func testAPublicLiteralIsAcceptedWithoutResolving() async throws {
        let destination = try await production.check(
            "https://[2606:4700:4700::1111]:8443/h", resolver: StaticWebhookResolver([:]))
        XCTAssertEqual(destination.addresses, [IPAddress("2606:4700:4700::1111")!])
        XCTAssertTrue(destination.hostIsAddress)
        XCTAssertNil(destination.curlResolveEntry)
        XCTAssertEqual(destination.port, 8443)
    }

    func testHTTPIsRefusedUnlessPrivateAddressesAreAllowed() async throws {
        let error = await refusal("http://hooks.example.com/", policy: production, resolver: publicAnswer)
        XCTAssertEqual(error?.code, .insecureScheme)
        let destination = try await development.check("http://hooks.example.com/", resolver: publicAnswer)
        XCTAssertEqual(destination.port, 80)
    }

    func testPrivateAddressesPassOnlyWhenAllowedAndLinkLocalNever() async throws {
        let local = StaticWebhookResolver(["localhost": [IPAddress("127.0.0.1")!, IPAddress("::1")!]])
        let destination = try await development.check("http://localhost:8080/hook", resolver: local)
        XCTAssertEqual(destination.curlResolveEntry, "localhost:8080:127.0.0.1,[::1]")
        _ = try await development.check("http://192.168.1.20/", resolver: local)
        for url in ["http://169.254.169.254/", "http://0.0.0.0/", "http://224.0.0.1/", "http://[fe80::1]/"] {
            let error = await refusal(url, policy: development, resolver: local)
            XCTAssertEqual(error?.code, .forbiddenAddress, url)
        }
    }

    func testMalformedURLsAreRefused() async {
        let table: [(String, WebhookURLError.Code)] = [
            ("https://user:pass@hooks.example.com/", .userInfo),
            ("https://user@hooks.example.com/", .userInfo),
            ("https://hooks.example.com@127.0.0.1/", .userInfo),
            ("https://hooks.example.com/#top", .fragment),
            ("ftp://hooks.example.com/", .unsupportedScheme),
            ("hooks.example.com/hook", .unsupportedScheme),
            ("javascript://hooks.example.com/", .unsupportedScheme),
            ("https:///path", .missingHost),
            ("https://:443/", .missingHost),
            ("https://hooks.example.com:0/", .invalidPort),
            ("https://hooks.example.com:65536/", .invalidPort),
            ("https://hooks.example.com:/", .invalidPort),
            ("https://hooks.example.com:44x/", .invalidPort),
            ("https://hooks.example.com:-1/", .invalidPort),
            ("https://hooks example.com/", .invalidCharacters),
            ("https://hooks.example.com\\@127.0.0.1/", .invalidCharacters),
            ("https://bücher.example/", .invalidCharacters),
            ("https://hooks.example.com/\n", .invalidCharacters),
            ("https://::1/", .invalidHost),
            ("https://[::1/", .invalidHost),
            ("https://[127.0.0.1]/", .invalidHost),
            ("https://[fe80::1%25eth0]/", .invalidHost),
            ("https://[::1]x/", .invalidHost),
            ("https://hooks..example.com/", .invalidHost),
            ("https://hooks.exa%6dple.com/", .invalidHost),
            ("https://" + String(repeating: "a", count: 64) + ".example/", .invalidHost),
            ("https://hooks.example.com/" + String(repeating: "a", count: 2048), .tooLong),
        ]
        for (url, code) in table {
            let error = await refusal(url, policy: development, resolver: publicAnswer)
            XCTAssertEqual(error?.code, code, url)
        }
    }

    func testAnUnresolvableNameIsRefusedWithTheResolversMessage() async {
        let error = await refusal("https://nowhere.example/", policy: production, resolver: publicAnswer)
        XCTAssertEqual(error?.code, .unresolvable)
        XCTAssertEqual(error?.underlying, "StaticWebhookResolver has no answer for nowhere.example")
    }

    private func refusal(
        _ url: String, policy: WebhookURLPolicy, resolver: some WebhookResolver
    ) async -> WebhookURLError? {
        do {
            let destination = try await policy.check(url, resolver: resolver)
            XCTFail("accepted \(url) → \(destination.addresses)")
            return nil
        } catch {
            return error
        }
    }
}
