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

    let base: UnsafePointer<UInt8>
    let end: Int
    var pos: Int = 0
    var depth: Int = 0

    // The member key most recently read by `nextMember`.
    var keyStart: Int = 0
    var keyCount: Int = 0
    /// The decoded bytes of the current key when it contained escapes (rare), else empty.
    var escapedKey: [UInt8] = []
    var keyIsEscaped = false
    /// The current key's bytes 0..<8 and 8..<16, zero-padded, for one-compare key matching.
    var keyWords: (UInt64, UInt64) = (0, 0)

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

    /// Whether the current member's key is `literal`: length first, then two 8-byte words.
    ///
    /// After inlining, the literal's words are compile-time constants, so a miss costs one or two
    /// integer comparisons and no allocation.
    @inline(__always)
    func key(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard n == keyCount else { return false }
        let lit = literal.utf8Start
        guard Self.word(lit, from: 0, count: n) == keyWords.0 else { return false }
        guard n > 8 else { return true }
        guard Self.word(lit, from: 8, count: n) == keyWords.1 else { return false }
        guard n > 16 else { return true }
        return longKeyMatches(lit, count: n)
    }

    /// Bytes `from ..< min(from + 8, count)` of `p`, little-endian, zero-padded.
    @inline(__always)
    static func word(_ p: UnsafePointer<UInt8>, from: Int, count: Int) -> UInt64 {
        let n = min(max(count &- from, 0), 8)
        var w: UInt64 = 0
        var i = 0
        while i < n {
            w |= UInt64(p[from &+ i]) << (UInt64(i) &* 8)
            i &+= 1
        }
        return w
    }

    /// The rest of a key longer than 16 bytes.
    func longKeyMatches(_ lit: UnsafePointer<UInt8>, count n: Int) -> Bool {
        if keyIsEscaped {
            return escapedKey.withUnsafeBufferPointer { buf in
                for i in 16..<n where buf[i] != lit[i] { return false }
                return true
            }
        }
        let k = base + keyStart
        for i in 16..<n where k[i] != lit[i] { return false }
        return true
    }

    /// Reads a key string at `pos` (which holds `"`), remembering where its bytes are.
    @inline(__always)
    mutating func readKey() throws(JSONFailure) {
        let start = pos &+ 1
        if start &+ 16 <= end {
            // Keys of up to 15 bytes (all of OpenWeather's): the two words loaded for matching
            // are also the ones searched for the closing quote.
            let raw = UnsafeRawPointer(base + start)
            let w0 = raw.loadUnaligned(as: UInt64.self)
            let h0 = Self.specialBytes(w0)
            if h0 != 0 {
                let n = h0.trailingZeroBitCount &>> 3
                if (w0 &>> (UInt64(n) &<< 3)) & 0xFF == 0x22 {
                    keyStart = start
                    keyCount = n
                    keyIsEscaped = false
                    keyWords = (Self.mask(w0, keeping: n), 0)
                    pos = start &+ n &+ 1
                    return
                }
            } else {
                let w1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                let h1 = Self.specialBytes(w1)
                if h1 != 0 {
                    let n = h1.trailingZeroBitCount &>> 3
                    if (w1 &>> (UInt64(n) &<< 3)) & 0xFF == 0x22 {
                        keyStart = start
                        keyCount = 8 &+ n
                        keyIsEscaped = false
                        keyWords = (w0, Self.mask(w1, keeping: n))
                        pos = start &+ 8 &+ n &+ 1
                        return
                    }
                }
            }
        }
        guard let close = plainRunEnd(from: start), base[close] == UInt8(ascii: "\"") else {
            try readKeySlow()
            return
        }
        keyStart = start
        keyCount = close &- start
        keyIsEscaped = false
        if start &+ 16 <= end {
            // In bounds: the key's closing quote and what follows are part of the buffer.
            let raw = UnsafeRawPointer(base + start)
            let w0 = raw.loadUnaligned(as: UInt64.self)
            let w1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            keyWords = (Self.mask(w0, keeping: keyCount), Self.mask(w1, keeping: keyCount &- 8))
        } else {
            keyWords = (
                Self.word(base + start, from: 0, count: keyCount), Self.word(base + start, from: 8, count: keyCount)
            )
        }
        pos = close &+ 1
    }

    /// Keeps the low `bytes` bytes of `w` (all of them for 8 or more, none for 0 or fewer).
    @inline(__always)
    static func mask(_ w: UInt64, keeping bytes: Int) -> UInt64 {
        if bytes >= 8 { return w }
        if bytes <= 0 { return 0 }
        return w & ((1 &<< (UInt64(bytes) &* 8)) &- 1)
    }

    /// The high bit set in each byte of `w` that may end a plain ASCII run (`"`, `\\`, a control
    /// character or a non-ASCII byte); exact for the lowest such byte (borrows only run upwards).
    @inline(__always)
    static func specialBytes(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = w ^ (ones &* 0x22)
        let slash = w ^ (ones &* 0x5C)
        let special = ((quote &- ones) & ~quote) | ((slash &- ones) & ~slash) | ((w &- ones &* 0x20) & ~w) | w
        return special & 0x8080_8080_8080_8080
    }

    /// The offset of the first byte at or after `p` that ends a plain ASCII run in a string
    /// (`"`, `\\`, a control character or a non-ASCII byte), eight bytes at a time; `nil` at the end.
    @inline(__always)
    func plainRunEnd(from start: Int) -> Int? {
        var p = start
        while p &+ 8 <= end {
            let w = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let quote = w ^ (ones &* 0x22)
            let slash = w ^ (ones &* 0x5C)
            let special =
                ((quote &- ones) & ~quote) | ((slash &- ones) & ~slash) | ((w &- ones &* 0x20) & ~w) | w
            let hits = special & highs
            if hits != 0 { return p &+ hits.trailingZeroBitCount / 8 }
            p &+= 8
        }
        while p < end {
            let c = base[p]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 || c >= 0x80 { return p }
            p &+= 1
        }
        return nil
    }

    mutating func readKeySlow() throws(JSONFailure) {
        var buffer: [UInt8] = []
        try scanString(into: &buffer, build: true)
        keyCount = buffer.count
        keyWords = buffer.withUnsafeBufferPointer { b in
            guard let p = b.baseAddress else { return (0, 0) }
            return (Self.word(p, from: 0, count: b.count), Self.word(p, from: 8, count: b.count))
        }
        escapedKey = buffer
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

    mutating func expectLiteral(_ literal: StaticString) throws(JSONFailure) {
        let n = literal.utf8CodeUnitCount
        let lit = literal.utf8Start
        for i in 0..<n {
            guard pos &+ i < end else { throw fail(.unexpectedEnd, at: end) }
            guard base[pos &+ i] == lit[i] else { throw fail(.unexpectedCharacter(expected: "a JSON value"), at: pos) }
        }
        pos &+= n
    }

    /// The error for a value of the wrong kind at `pos`: a well-formed value of another kind is a
    /// type mismatch, anything else is malformed JSON.
    func typeMismatch(_ b: UInt8, expected: StaticString) -> JSONFailure {
        switch b {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return fail(.typeMismatch(expected: expected), at: pos)
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
