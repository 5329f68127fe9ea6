import Foundation
import WeatherWebhooks
import XCTest

final class WebhookSignatureTests: XCTestCase {
    // The Standard Webhooks reference vector (public test data from the specification's libraries).
    let reference = try! WebhookSecret(parsing: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    let timestamp: Int64 = 1_614_265_330
    let body = #"{"test": 2432232314}"#
    let expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    var signedAt: Date { Date(timeIntervalSince1970: TimeInterval(timestamp)) }

    func testReferenceVector() {
        XCTAssertEqual(reference.sign(id: id, timestamp: timestamp, body: body), expected)
        XCTAssertEqual(reference.sign(id: id, timestamp: timestamp, body: Array(body.utf8)), expected)
        XCTAssertEqual(reference.sign(id: id, timestamp: timestamp, body: Data(body.utf8)), expected)
    }

    // Computed once with Python 3's hmac and hashlib modules:
    //   "v1," + base64(hmac.new(base64.b64decode(secret[6:]), f"{id}.{ts}.{body}".encode(), hashlib.sha256).digest())
    func testVectorsFromPythonHMAC() throws {
        let vectors: [(secret: String, id: String, timestamp: Int64, body: String, signature: String)] = [
            (
                "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=", "msg_2Kf8", 1_700_000_000,
                #"{"event":"rain.started","place":"Zürich"}"#, "v1,JNZviUAoSMdzeeN4nGfvqznudOqgF7vUuVQZG4cuMPk="
            ),
            (
                "whsec_yMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f4OHi4+Tl5ufo6err7O3u7/Dx8vP09fb3", "evt_01", 1_765_152_000, "",
                "v1,xu6JhHgwFoX4LBG16fdyn+P7Oz/oN5N5VD2WjUkF1Fo="
            ),
        ]
        for vector in vectors {
            let secret = try WebhookSecret(parsing: vector.secret)
            XCTAssertEqual(secret.sign(id: vector.id, timestamp: vector.timestamp, body: vector.body), vector.signature)
            XCTAssertNoThrow(
                try secret.verify(
                    id: vector.id, timestamp: String(vector.timestamp), body: vector.body,
                    signatureHeader: vector.signature, now: Date(timeIntervalSince1970: TimeInterval(vector.timestamp)))
            )
        }
    }

    func testVerifiesTheReferenceDelivery() {
        XCTAssertNoThrow(
            try reference.verify(
                id: id, timestamp: String(timestamp), body: body, signatureHeader: expected, now: signedAt))
        XCTAssertNoThrow(
            try reference.verify(
                id: id, timestamp: String(timestamp), body: Array(body.utf8), signatureHeader: expected,
                now: signedAt.addingTimeInterval(299)))
    }

    func testSignAndVerifyRoundTripWithAGeneratedSecret() {
        let secret = WebhookSecret.generate()
        let signature = secret.sign(id: "msg_1", timestamp: 1_800_000_000, body: "{}")
        XCTAssertNoThrow(
            try secret.verify(
                id: "msg_1", timestamp: "1800000000", body: "{}", signatureHeader: signature,
                now: Date(timeIntervalSince1970: 1_800_000_000)))
    }

    func testWrongSecretIsRefused() {
        assertRefused(.noMatchingSignature) {
            try WebhookSecret.generate().verify(
                id: id, timestamp: String(timestamp), body: body, signatureHeader: expected, now: signedAt)
        }
    }

    func testTamperedDeliveryIsRefused() {
        assertRefused(.noMatchingSignature) {
            try reference.verify(
                id: id, timestamp: String(timestamp), body: #"{"test": 2432232315}"#, signatureHeader: expected,
                now: signedAt)
        }
        assertRefused(.noMatchingSignature) {
            try reference.verify(
                id: "msg_other", timestamp: String(timestamp), body: body, signatureHeader: expected, now: signedAt)
        }
        // A timestamp moved within the tolerance still breaks the signature.
        assertRefused(.noMatchingSignature) {
            try reference.verify(
                id: id, timestamp: String(timestamp + 1), body: body, signatureHeader: expected, now: signedAt)
        }
    }

    func testStaleAndFutureTimestampsAreRefused() {
        assertRefused(.timestampTooOld) {
            try reference.verify(
                id: id, timestamp: String(timestamp), body: body, signatureHeader: expected,
                now: signedAt.addingTimeInterval(301))
        }
        assertRefused(.timestampInFuture) {
            try reference.verify(
                id: id, timestamp: String(timestamp), body: body, signatureHeader: expected,
                now: signedAt.addingTimeInterval(-301))
        }
        assertRefused(.timestampTooOld) {
            try reference.verify(
                id: id, timestamp: String(timestamp), body: body, signatureHeader: expected,
                now: signedAt.addingTimeInterval(61), tolerance: .seconds(60))
        }
        XCTAssertNoThrow(
            try reference.verify(
                id: id, timestamp: String(timestamp), body: body, signatureHeader: expected,
                now: signedAt.addingTimeInterval(3600), tolerance: .seconds(3600)))
    }

    func testOneMatchingSignatureAmongSeveralIsEnough() {
        let other = WebhookSecret.generate().sign(id: id, timestamp: timestamp, body: body)
        for header in [
            "\(other) \(expected)", "\(expected) \(other)", "v2,c29tZXRoaW5n \(expected)", "\(other)  \(expected)",
        ] {
            XCTAssertNoThrow(
                try reference.verify(
                    id: id, timestamp: String(timestamp), body: body, signatureHeader: header, now: signedAt), header)
        }
        assertRefused(.noMatchingSignature) {
            try reference.verify(
                id: id, timestamp: String(timestamp), body: body,
                signatureHeader: "\(other) \(WebhookSecret.generate().sign(id: id, timestamp: timestamp, body: body))",
                now: signedAt)
        }
    }

    func testMalformedHeadersAreRefused() {
        let headers = [
            "", " ", "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "v1", "v1,", "v1,not base64!",
            "v1,c2hvcnQ=",  // valid base64, but 5 bytes, not 32
            "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",  // no v1 entry at all
            "\(expected) garbage",
        ]
        for header in headers {
            assertRefused(.malformedSignatureHeader, header) {
                try reference.verify(
                    id: id, timestamp: String(timestamp), body: body, signatureHeader: header, now: signedAt)
            }
        }
    }

    func testMalformedTimestampsAreRefused() {
        for value in ["", "-1614265330", "+1614265330", "1614265330.0", " 1614265330", "16142653301614265330", "0x10"] {
            assertRefused(.malformedTimestamp, value) {
                try reference.verify(id: id, timestamp: value, body: body, signatureHeader: expected, now: signedAt)
            }
        }
    }

    private func assertRefused(
        _ code: WebhookVerificationError.Code, _ context: String = "", file: StaticString = #filePath,
        line: UInt = #line, _ body: () throws -> Void
    ) {
        do {
            try body()
            XCTFail("verified, expected \(code) \(context)", file: file, line: line)
        } catch let error as WebhookVerificationError {
            XCTAssertEqual(error.code, code, "\(context): \(error.message)", file: file, line: line)
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
    }
}
