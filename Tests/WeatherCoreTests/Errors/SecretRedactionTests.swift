import WeatherCore
import WeatherTesting
import XCTest

@testable import WeatherCore

/// One redaction for every text that may reach a log, an error or a response.
final class SecretRedactionTests: XCTestCase {
    func testUserinfoSecretQueryItemsAndLiteralSecretsAreRedactedAnywhere() {
        XCTAssertEqual(
            URLRedaction.redact("http://user:pw@proxy.internal:8080/data/2.5/weather?q=x&APPID=abc123"),
            "http://REDACTED@proxy.internal:8080/data/2.5/weather?q=x&APPID=REDACTED")
        XCTAssertEqual(
            URLRedaction.redact("GET https://me@h/x failed; see http://a:b@c?api_key=zz and https://plain.host/p"),
            "GET https://REDACTED@h/x failed; see http://REDACTED@c?api_key=REDACTED and https://plain.host/p")
        XCTAssertEqual(
            URLRedaction.redact("Invalid key 0123abcd (key=0123abcd)", secrets: ["0123abcd"]),
            "Invalid key REDACTED (key=REDACTED)")
        XCTAssertEqual(URLRedaction.redact("k%2Fy is wrong", secrets: ["k/y0"]), "k%2Fy is wrong", "another value")
        XCTAssertEqual(URLRedaction.redact("echo k%2Fy0", secrets: ["k/y0"]), "echo REDACTED", "percent-encoded too")
        XCTAssertEqual(URLRedaction.redact("no secrets here: a=b, x://y"), "no secrets here: a=b, x://y")
    }

    /// A proxy or upstream that echoes the bare key, and a base URL with credentials, never reach
    /// the error a caller gets (and so never a log line or a response).
    func testUpstreamTextEchoingTheKeyAndBaseURLCredentialsNeverReachTheError() async throws {
        let key = "f00dfacecafe1234"
        let transport = ScriptedTransport()
        transport.always(
            .any,
            .status(
                500,
                body: #"{"cod":500,"message":"proxy refused key \#(key) for http://svc:hunter2@proxy/ (appid=\#(key))"}"#))
        let client = WeatherClient(
            transport: transport,
            configuration: .init(
                apiKey: APIKey(key), baseURL: "http://svc:hunter2@127.0.0.1:9", retry: RetryPolicy(maxAttempts: 1)))
        do {
            _ = try await client.current(for: .city(name: "Oslo"))
            XCTFail("expected an upstream error")
        } catch let error as WeatherError {
            let text = "\(error) \(error.message) \(error.underlying ?? "") \(error.url ?? "")"
            XCTAssertFalse(text.contains(key), text)
            XCTAssertFalse(text.contains("hunter2"), text)
            XCTAssertTrue(text.contains("proxy refused key REDACTED for http://REDACTED@proxy/"), text)
        }
    }
}
