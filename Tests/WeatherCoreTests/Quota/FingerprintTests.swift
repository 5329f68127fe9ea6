import XCTest

@testable import WeatherCore

final class FingerprintTests: XCTestCase {
    func testSHA256KnownAnswers() {
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(
            SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let twoBlocks = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        XCTAssertEqual(SHA256.hex(twoBlocks), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000)),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testTheFingerprintIsStableOneWayAndPerKey() {
        let key = APIKey("0123456789abcdef0123456789abcdef")
        XCTAssertEqual(key.fingerprint, APIKey(" 0123456789abcdef0123456789abcdef\n").fingerprint)
        XCTAssertEqual(key.fingerprint.count, 64)
        XCTAssertFalse(key.fingerprint.contains("0123456789abcdef"))
        XCTAssertNotEqual(key.fingerprint, APIKey("another").fingerprint)
        XCTAssertNotEqual(key.fingerprint, SHA256.hex(Array("0123456789abcdef0123456789abcdef".utf8)))
    }
}
