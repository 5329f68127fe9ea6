/// A strict (RFC 8259), single-pass JSON pull reader over raw bytes: the only type in WeatherCore
/// that touches unsafe pointers.
///
/// Models pull values in document order (`beginObject` / `nextMember` / `key(_:)` / `double()` …)
/// straight into their fields; there is no intermediate tree. The reader never outlives the
/// `withUnsafeBytes` scope that created it (see ``JSONDocument/decode(_:as:)``).
/// Failures carry only a byte offset; the JSON path is recomputed on the cold path.
struct JSONReader {
    /// Nesting limit: deeper documents fail with a typed error instead of exhausting the stack.
    static let maxDepth = 512

    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let end: Int
    @usableFromInline var pos: Int = 0
    @usableFromInline var depth: Int = 0

    // The member key most recently read by `nextMember`.
    @usableFromInline var keyStart: Int = 0
    @usableFromInline var keyCount: Int = 0
    /// The decoded bytes of the current key when it contained escapes (rare), else empty.
    @usableFromInline var escapedKey: [UInt8] = []
    @usableFromInline var keyIsEscaped = false

    /// Wraps a non-empty buffer; the caller guarantees it outlives the reader.
    init(_ buffer: UnsafeRawBufferPointer) {
        precondition(!buffer.isEmpty, "JSONReader needs at least one byte")
        base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        end = buffer.count
    }

    // MARK: - Bytes and whitespace

    @inline(__always)
    func fail(_ reason: JSONFailure.Reason, at offset: Int) -> JSONFailure {
        JSONFailure(reason: reason, offset: offset)
    }

    /// Skips JSON whitespace and returns the next byte without consuming it.
    @inline(__always)
    mutating func peek() throws(JSONFailure) -> UInt8 {
        while pos < end {
            let b = base[pos]
            if b > 0x20 { return b }
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return b }
            pos &+= 1
        }
        throw fail(.unexpectedEnd, at: pos)
    }

    /// Where the next value starts (after whitespace), for error offsets.
    @inline(__always)
    mutating func valueOffset() -> Int {
        _ = try? peek()
        return pos
    }

    /// Checks that only whitespace follows the document.
    mutating func finish() throws(JSONFailure) {
        while pos < end {
            let b = base[pos]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { throw fail(.trailingData, at: pos) }
            pos &+= 1
        }
    }

    // MARK: - Objects

    /// Consumes `{` and returns a cursor for ``nextMember(_:)``.
    @inline(__always)
    mutating func beginObject() throws(JSONFailure) -> ObjectCursor {
        let b = try peek()
        guard b == UInt8(ascii: "{") else { throw typeMismatch(b, expected: "object") }
        depth &+= 1
        guard depth <= Self.maxDepth else { throw fail(.tooDeep, at: pos) }
        let start = pos
        pos &+= 1
        return ObjectCursor(start: start)
    }

    /// Reads the next member's key and its `:`; returns false (and consumes `}`) at the end.
    @inline(__always)
    mutating func nextMember(_ cursor: inout ObjectCursor) throws(JSONFailure) -> Bool {
        var b = try peek()
        if cursor.isFirst {
            cursor.isFirst = false
            if b == UInt8(ascii: "}") {
                pos &+= 1
                depth &-= 1
                return false
            }
        } else {
            if b == UInt8(ascii: "}") {
                pos &+= 1
                depth &-= 1
                return false
            }
            guard b == UInt8(ascii: ",") else { throw fail(.unexpectedCharacter(expected: "',' or '}'"), at: pos) }
            pos &+= 1
            b = try peek()
            if b == UInt8(ascii: "}") { throw fail(.trailingComma, at: pos) }
        }
        guard b == UInt8(ascii: "\"") else { throw fail(.unexpectedCharacter(expected: "a member name"), at: pos) }
        try readKey()
        guard try peek() == UInt8(ascii: ":") else { throw fail(.unexpectedCharacter(expected: "':'"), at: pos) }
        pos &+= 1
        return true
    }

    /// Whether the current member's key is `literal`: length first, then the raw bytes.
    @inline(__always)
    func key(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard n == keyCount else { return false }
        let lit = literal.utf8Start
        if keyIsEscaped {
            return escapedKey.withUnsafeBufferPointer { buf in
                for i in 0..<n where buf[i] != lit[i] { return false }
                return true
            }
        }
        let k = base + keyStart
        for i in 0..<n where k[i] != lit[i] { return false }
        return true
    }

    /// Reads a key string at `pos` (which holds `"`), remembering where its bytes are.
    @inline(__always)
    mutating func readKey() throws(JSONFailure) {
        let start = pos &+ 1
        var p = start
        while p < end {
            let b = base[p]
            if b == UInt8(ascii: "\"") {
                keyStart = start
                keyCount = p &- start
                keyIsEscaped = false
                pos = p &+ 1
                return
            }
            if b == UInt8(ascii: "\\") || b < 0x20 || b >= 0x80 { break }
            p &+= 1
        }
        try readKeySlow()
    }

    mutating func readKeySlow() throws(JSONFailure) {
        var buffer: [UInt8] = []
        try scanString(into: &buffer, build: true)
        escapedKey = buffer
        keyCount = buffer.count
        keyIsEscaped = true
    }

    // MARK: - Arrays

    /// Consumes `[` and returns a cursor for ``nextElement(_:)``.
    @inline(__always)
    mutating func beginArray() throws(JSONFailure) -> ArrayCursor {
        let b = try peek()
        guard b == UInt8(ascii: "[") else { throw typeMismatch(b, expected: "array") }
        depth &+= 1
        guard depth <= Self.maxDepth else { throw fail(.tooDeep, at: pos) }
        pos &+= 1
        return ArrayCursor()
    }

    /// Moves to the next element; returns false (and consumes `]`) at the end.
    @inline(__always)
    mutating func nextElement(_ cursor: inout ArrayCursor) throws(JSONFailure) -> Bool {
        let b = try peek()
        if b == UInt8(ascii: "]") {
            pos &+= 1
            depth &-= 1
            return false
        }
        if cursor.isFirst {
            cursor.isFirst = false
            return true
        }
        guard b == UInt8(ascii: ",") else { throw fail(.unexpectedCharacter(expected: "',' or ']'"), at: pos) }
        pos &+= 1
        if try peek() == UInt8(ascii: "]") { throw fail(.trailingComma, at: pos) }
        return true
    }

    // MARK: - Literals

    /// Consumes `null` if it is next; otherwise consumes nothing.
    @inline(__always)
    mutating func consumeNull() throws(JSONFailure) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    /// Reads `true` or `false`.
    mutating func bool() throws(JSONFailure) -> Bool {
        let b = try peek()
        if b == UInt8(ascii: "t") {
            try expectLiteral("true")
            return true
        }
        if b == UInt8(ascii: "f") {
            try expectLiteral("false")
            return false
        }
        throw typeMismatch(b, expected: "true or false")
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONFailure) {
        let n = literal.utf8CodeUnitCount
        let lit = literal.utf8Start
        for i in 0..<n {
            guard pos &+ i < end else { throw fail(.unexpectedEnd, at: end) }
            guard base[pos &+ i] == lit[i] else { throw fail(.unexpectedCharacter(expected: "a JSON value"), at: pos) }
        }
        pos &+= n
    }

    /// The error for a value of the wrong kind at `pos`; malformed input is reported as such.
    func typeMismatch(_ b: UInt8, expected: StaticString) -> JSONFailure {
        switch b {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return fail(.typeMismatch(expected: expected), at: pos)
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            return fail(.unexpectedCharacter(expected: "a JSON value"), at: pos)
        default:
            return fail(.unexpectedCharacter(expected: "a JSON value"), at: pos)
        }
    }

    // MARK: - Skipping

    /// Skips one complete value of any kind, validating it as strictly as a decoded one.
    /// Recursion is bounded by ``maxDepth``.
    mutating func skipValue() throws(JSONFailure) {
        let b = try peek()
        switch b {
        case UInt8(ascii: "{"):
            var cursor = try beginObject()
            while try nextMember(&cursor) { try skipValue() }
        case UInt8(ascii: "["):
            var cursor = try beginArray()
            while try nextElement(&cursor) { try skipValue() }
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "t"):
            try expectLiteral("true")
        case UInt8(ascii: "f"):
            try expectLiteral("false")
        case UInt8(ascii: "n"):
            try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try scanNumber()
        default:
            throw fail(.unexpectedCharacter(expected: "a JSON value"), at: pos)
        }
    }
}

/// Iteration state of one object: the offset of its `{` (for missing-key errors) and whether
/// the first member is next.
struct ObjectCursor {
    let start: Int
    var isFirst = true
}

/// Iteration state of one array.
struct ArrayCursor {
    var isFirst = true
}

extension JSONReader {
    /// The current member's key as a `String` (for maps keyed by data, such as `local_names`).
    mutating func currentKey() -> String {
        if keyIsEscaped { return String(decoding: escapedKey, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(start: base + keyStart, count: keyCount), as: UTF8.self)
    }
}
