import Foundation
import WeatherWebhooks
import XCTest

final class WebhookSecretTests: XCTestCase {
    func testGeneratedSecretIsPrefixedBase64Of24BytesAndReadsBack() throws {
        let secret = WebhookSecret.generate()
        XCTAssertTrue(secret.encoded.hasPrefix("whsec_"))
        XCTAssertEqual(Data(base64Encoded: String(secret.encoded.dropFirst(6)))?.count, 24)
        XCTAssertEqual(try WebhookSecret(parsing: secret.encoded).encoded, secret.encoded)
        XCTAssertNotEqual(WebhookSecret.generate().encoded, secret.encoded)
    }

    func testPrintingNeverRevealsTheSecret() {
        let secret = WebhookSecret.generate()
        let key = String(secret.encoded.dropFirst(6))
        var dumped = ""
        dump(secret, to: &dumped)
        for printed in [secret.description, secret.debugDescription, "\(secret)", String(reflecting: secret), dumped] {
            XCTAssertFalse(printed.contains(key), printed)
            XCTAssertFalse(printed.contains("whsec_"), printed)
        }
    }

    func testAcceptsKeysOf24To64Bytes() throws {
        for count in [24, 32, 64] {
            let encoded = "whsec_" + Data(repeating: 7, count: count).base64EncodedString()
            XCTAssertEqual(try WebhookSecret(parsing: encoded).encoded, encoded)
        }
    }

    func testRefusesOtherFormsWithoutQuotingThem() {
        let cases: [(String, WebhookSecretError.Code)] = [
            ("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", .missingPrefix),
            ("WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", .missingPrefix),
            ("whsec_MfKQ9r8GKYqrTwjU!!8ILPZIo2LaLaSw", .invalidBase64),
            ("whsec_MfKQ9r8G KYqrTwjUPD8ILPZIo2LaLaSw", .invalidBase64),
            ("whsec_", .invalidLength),
            ("whsec_" + Data(repeating: 1, count: 23).base64EncodedString(), .invalidLength),
            ("whsec_" + Data(repeating: 1, count: 65).base64EncodedString(), .invalidLength),
        ]
        for (input, code) in cases {
            do {
                _ = try WebhookSecret(parsing: input)
                XCTFail("accepted \(input)")
            } catch {
                XCTAssertEqual(error.code, code, input)
                let secretPart = input.replacingOccurrences(of: "whsec_", with: "")
                if !secretPart.isEmpty { XCTAssertFalse(error.message.contains(secretPart), error.message) }
            }
        }
    }
}
