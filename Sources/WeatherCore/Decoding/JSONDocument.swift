import Foundation

/// A value that reads itself from a ``JSONReader`` positioned at its first token.
///
/// Internal on purpose: the public face of decoding is ``OpenWeatherDecodable/init(jsonBytes:)``.
protocol JSONReadable {
    /// Reads one complete value and leaves the reader just past it.
    init(reading reader: inout JSONReader) throws(JSONFailure)
}

/// The entry point that owns the unsafe scope: bytes in, model or ``WeatherError`` out.
enum JSONDocument {
    /// Decodes a whole document as `T`, rejecting anything after it.
    @inline(__always)
    static func decode<T: JSONReadable>(_ bytes: [UInt8], as type: T.Type = T.self) throws(WeatherError) -> T {
        guard !bytes.isEmpty else {
            throw JSONFailure(reason: .unexpectedEnd, offset: 0).weatherError(in: bytes)
        }
        let result: Result<T, JSONFailure> = bytes.withUnsafeBytes { raw in
            var reader = JSONReader(raw)
            do throws(JSONFailure) {
                let value = try T(reading: &reader)
                try reader.finish()
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let value): return value
        case .failure(let failure): throw failure.weatherError(in: bytes)
        }
    }
}

extension JSONReader {
    /// Reads an array whose elements are all `T`, reserving room for the usual count up front
    /// (OpenWeather's list lengths are fixed: 40 forecast steps, 48 hours, 61 minutes, 8 days).
    @inline(__always)
    mutating func array<T: JSONReadable>(of type: T.Type, reserving expected: Int = 0) throws(JSONFailure) -> [T] {
        var cursor = try beginArray()
        var values: [T] = []
        if expected > 0 { values.reserveCapacity(expected) }
        while try nextElement(&cursor) {
            values.append(try T(reading: &self))
        }
        return values
    }

    /// Reads an array of strings.
    mutating func stringArray() throws(JSONFailure) -> [String] {
        var cursor = try beginArray()
        var values: [String] = []
        while try nextElement(&cursor) {
            values.append(try string())
        }
        return values
    }

    /// Reads a value that may be `null`: `nil` for `null`.
    @inline(__always)
    mutating func optional<T>(_ read: (inout JSONReader) throws(JSONFailure) -> T) throws(JSONFailure) -> T? {
        if try consumeNull() { return nil }
        return try read(&self)
    }

    /// A number, or `nil` for `null`.
    @inline(__always)
    mutating func optionalDouble() throws(JSONFailure) -> Double? {
        if try consumeNull() { return nil }
        return try double()
    }

    /// An integer, or `nil` for `null`.
    @inline(__always)
    mutating func optionalInt() throws(JSONFailure) -> Int? {
        if try consumeNull() { return nil }
        return try int()
    }

    /// A string, or `nil` for `null`.
    @inline(__always)
    mutating func optionalString() throws(JSONFailure) -> String? {
        if try consumeNull() { return nil }
        return try string()
    }

    /// A Unix time in seconds as a `Date`.
    @inline(__always)
    mutating func date() throws(JSONFailure) -> Date {
        Date(timeIntervalSince1970: TimeInterval(try int()))
    }

    /// A Unix time where OpenWeather sends `0` (or nothing) for "there is none" (polar day/night).
    @inline(__always)
    mutating func dateUnlessZero() throws(JSONFailure) -> Date? {
        if try consumeNull() { return nil }
        let seconds = try int()
        return seconds == 0 ? nil : Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The error for a required key that never came, pointing at the object's `{`.
    func missing(_ key: StaticString, in cursor: ObjectCursor) -> JSONFailure {
        JSONFailure(reason: .missingKey(key), offset: cursor.start)
    }
}
