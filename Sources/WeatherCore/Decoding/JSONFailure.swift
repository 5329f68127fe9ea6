/// A decoding failure as the hot path records it: a reason and a byte offset, nothing more.
///
/// The JSON path is not tracked while decoding; ``JSONPathLocator`` recomputes it from the
/// offset only when a failure is turned into a ``WeatherError``.
struct JSONFailure: Error, Sendable {
    /// Why decoding stopped.
    enum Reason: Sendable {
        case unexpectedEnd
        case unexpectedCharacter(expected: StaticString)
        case typeMismatch(expected: StaticString)
        case invalidNumber
        case numberOutOfRange
        case leadingZero
        case invalidEscape
        case loneSurrogate
        case invalidUTF8
        case controlCharacter
        case trailingComma
        case tooDeep
        case trailingData
        /// A required key is absent; the offset is the `{` of the object that lacks it.
        case missingKey(StaticString)
        /// A value is well-formed JSON but not acceptable for the model (e.g. an unknown `cod`).
        case invalidValue(StaticString)
    }

    var reason: Reason
    /// Byte offset of the offending token (for ``Reason/missingKey(_:)``: of the object's `{`).
    var offset: Int

    var message: String {
        switch reason {
        case .unexpectedEnd: return "The JSON document ends early"
        case .unexpectedCharacter(let expected): return "Malformed JSON: expected \(expected)"
        case .typeMismatch(let expected): return "Wrong type: expected \(expected)"
        case .invalidNumber: return "Malformed JSON number"
        case .numberOutOfRange: return "JSON number does not fit the expected type"
        case .leadingZero: return "Malformed JSON number: leading zeros are not allowed"
        case .invalidEscape: return "Malformed JSON string: invalid escape sequence"
        case .loneSurrogate: return "Malformed JSON string: unpaired UTF-16 surrogate in \\u escape"
        case .invalidUTF8: return "The JSON document is not valid UTF-8"
        case .controlCharacter: return "Malformed JSON string: unescaped control character"
        case .trailingComma: return "Malformed JSON: trailing comma"
        case .tooDeep: return "The JSON document nests deeper than \(JSONReader.maxDepth) levels"
        case .trailingData: return "Unexpected data after the JSON document"
        case .missingKey(let key): return "Missing required key \"\(key)\""
        case .invalidValue(let what): return "Invalid value: \(what)"
        }
    }

    /// The public error, with the JSON path recomputed by re-scanning `bytes` up to the offset.
    func weatherError(in bytes: [UInt8]) -> WeatherError {
        var path = JSONPathLocator.path(in: bytes, upTo: offset)
        var token: String? = JSONPathLocator.token(in: bytes, at: offset)
        if case .missingKey(let key) = reason {
            let name = key.description
            path = path.isEmpty ? name : path + "." + name
            token = nil
        }
        return WeatherError(
            code: .decodingFailed,
            message: message,
            jsonPath: path, token: token, offset: offset
        )
    }
}
