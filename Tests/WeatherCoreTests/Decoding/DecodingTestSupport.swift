import Foundation
import XCTest

@testable import WeatherCore

/// Validates any JSON document without keeping it, via the reader's strict skip.
struct AnyJSON: JSONReadable {
    init(reading reader: inout JSONReader) throws(JSONFailure) {
        try reader.skipValue()
    }
}

/// A document that is a single number, read as a Double.
struct DoubleDocument: JSONReadable {
    var value: Double
    init(reading reader: inout JSONReader) throws(JSONFailure) {
        value = try reader.double()
    }
}

/// A document that is a single number, read as an Int.
struct IntDocument: JSONReadable {
    var value: Int
    init(reading reader: inout JSONReader) throws(JSONFailure) {
        value = try reader.int()
    }
}

/// A document that is a single string.
struct StringDocument: JSONReadable {
    var value: String
    init(reading reader: inout JSONReader) throws(JSONFailure) {
        value = try reader.string()
    }
}

extension XCTestCase {
    /// Asserts that decoding `text` as `T` fails with `.decodingFailed` and returns the error.
    @discardableResult
    func assertDecodingFails<T: JSONReadable>(
        _ text: String, as type: T.Type, path: String? = nil, file: StaticString = #filePath, line: UInt = #line
    ) -> WeatherError? {
        assertDecodingFails(Array(text.utf8), as: type, path: path, file: file, line: line)
    }

    /// Asserts that decoding `bytes` as `T` fails with `.decodingFailed` and returns the error.
    @discardableResult
    func assertDecodingFails<T: JSONReadable>(
        _ bytes: [UInt8], as type: T.Type, path: String? = nil, file: StaticString = #filePath, line: UInt = #line
    ) -> WeatherError? {
        do {
            _ = try JSONDocument.decode(bytes, as: T.self)
            XCTFail("decoding succeeded", file: file, line: line)
            return nil
        } catch {
            XCTAssertEqual(error.code, .decodingFailed, file: file, line: line)
            XCTAssertNotNil(error.jsonPath, file: file, line: line)
            XCTAssertNotNil(error.offset, file: file, line: line)
            if let path { XCTAssertEqual(error.jsonPath, path, "\(error)", file: file, line: line) }
            return error
        }
    }
}
