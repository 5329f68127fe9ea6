extension JSONReader {
    /// Reads a string value. ASCII strings without escapes (nearly all of OpenWeather's) take a
    /// fast path straight from the bytes; others are validated as UTF-8 and unescaped.
    @inline(__always)
    mutating func string() throws(JSONFailure) -> String {
        let b = try peek()
        guard b == UInt8(ascii: "\"") else { throw typeMismatch(b, expected: "string") }
        let start = pos &+ 1
        if let p = plainRunEnd(from: start), base[p] == UInt8(ascii: "\"") {
            pos = p &+ 1
            return String(decoding: UnsafeBufferPointer(start: base + start, count: p &- start), as: UTF8.self)
        }
        return try slowString()
    }

    mutating func slowString() throws(JSONFailure) -> String {
        let quote = pos
        var buffer: [UInt8] = []
        // Validate first: strings with no escapes become a String without a copy.
        guard try scanString(into: &buffer, build: false) else {
            return String(
                decoding: UnsafeBufferPointer(start: base + (quote &+ 1), count: pos &- quote &- 2), as: UTF8.self)
        }
        pos = quote
        try scanString(into: &buffer, build: true)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Reads a string value and appends its decoded UTF-8 to `buffer` (no `String` is created).
    mutating func appendString(to buffer: inout [UInt8]) throws(JSONFailure) {
        let b = try peek()
        guard b == UInt8(ascii: "\"") else { throw typeMismatch(b, expected: "string") }
        let start = pos &+ 1
        if let p = plainRunEnd(from: start), base[p] == UInt8(ascii: "\"") {
            buffer.append(contentsOf: UnsafeBufferPointer(start: base + start, count: p &- start))
            pos = p &+ 1
            return
        }
        try scanString(into: &buffer, build: true)
    }

    /// Reads a string value and hands its decoded UTF-8 to `body`: straight from the document when
    /// it has no escapes (no copy, no allocation), else from a decoded copy.
    mutating func withStringBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) throws(JSONFailure) -> T {
        let b = try peek()
        guard b == UInt8(ascii: "\"") else { throw typeMismatch(b, expected: "string") }
        let start = pos &+ 1
        if let p = plainRunEnd(from: start), base[p] == UInt8(ascii: "\"") {
            pos = p &+ 1
            return body(UnsafeBufferPointer(start: base + start, count: p &- start))
        }
        var buffer: [UInt8] = []
        try scanString(into: &buffer, build: true)
        return buffer.withUnsafeBufferPointer(body)
    }

    /// Appends the current member's key, decoded, to `buffer`.
    func appendCurrentKey(to buffer: inout [UInt8]) {
        if keyIsEscaped {
            buffer.append(contentsOf: escapedKey)
        } else {
            buffer.append(contentsOf: UnsafeBufferPointer(start: base + keyStart, count: keyCount))
        }
    }

    /// Skips a string value, validating it.
    @inline(__always)
    mutating func skipString() throws(JSONFailure) {
        if let p = plainRunEnd(from: pos &+ 1), base[p] == UInt8(ascii: "\"") {
            pos = p &+ 1
            return
        }
        var unused: [UInt8] = []
        try scanString(into: &unused, build: false)
    }

    /// Scans the string at `pos` (its opening quote) to just past its closing quote, checking
    /// UTF-8, escapes and control characters; appends the decoded bytes when `build` is set.
    @discardableResult
    mutating func scanString(into buffer: inout [UInt8], build: Bool) throws(JSONFailure) -> Bool {
        var sawEscape = false
        var p = pos &+ 1
        var runStart = p
        while true {
            guard p < end else { throw fail(.unexpectedEnd, at: end) }
            let c = base[p]
            if c == UInt8(ascii: "\"") {
                if build {
                    buffer.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: p &- runStart))
                }
                pos = p &+ 1
                return sawEscape
            }
            if c < 0x20 { throw fail(.controlCharacter, at: p) }
            if c < 0x80 && c != UInt8(ascii: "\\") {
                p &+= 1
                continue
            }
            if c >= 0x80 {
                p = try validateUTF8Sequence(at: p)
                continue
            }
            // An escape: flush the plain run, then decode it.
            sawEscape = true
            if build { buffer.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: p &- runStart)) }
            p = try readEscape(at: p, into: &buffer, build: build)
            runStart = p
        }
    }

    /// Checks one multi-byte UTF-8 sequence starting at `p` (Unicode Table 3-7) and returns the
    /// offset after it.
    @inline(__always)
    func validateUTF8Sequence(at p: Int) throws(JSONFailure) -> Int {
        let c = base[p]
        var length = 0
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            upper = 0x9F
        case 0xF0:
            length = 4
            lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            upper = 0x8F
        default: throw fail(.invalidUTF8, at: p)
        }
        guard p &+ length <= end else {
            // Truncated: report end of input only if what is there is a valid prefix.
            for i in 1..<(end &- p) {
                let b = base[p &+ i]
                if i == 1 ? (b < lower || b > upper) : (b & 0xC0 != 0x80) { throw fail(.invalidUTF8, at: p) }
            }
            throw fail(.unexpectedEnd, at: end)
        }
        let second = base[p &+ 1]
        guard second >= lower && second <= upper else { throw fail(.invalidUTF8, at: p) }
        for i in 2..<length where base[p &+ i] & 0xC0 != 0x80 { throw fail(.invalidUTF8, at: p) }
        return p &+ length
    }

    /// Decodes the escape at `p` (its backslash), including `\uXXXX` surrogate pairs; returns the
    /// offset after it.
    func readEscape(at p: Int, into buffer: inout [UInt8], build: Bool) throws(JSONFailure) -> Int {
        guard p &+ 1 < end else { throw fail(.unexpectedEnd, at: end) }
        let e = base[p &+ 1]
        let simple: UInt8
        switch e {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            var scalar = try hex4(at: p &+ 2, escapeStart: p)
            var next = p &+ 6
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                // A high surrogate must be followed by an escaped low surrogate.
                guard next &+ 1 < end, base[next] == UInt8(ascii: "\\"), base[next &+ 1] == UInt8(ascii: "u") else {
                    if next &+ 1 >= end && (next >= end || base[next] == UInt8(ascii: "\\")) {
                        throw fail(.unexpectedEnd, at: end)
                    }
                    throw fail(.loneSurrogate, at: p)
                }
                let low = try hex4(at: next &+ 2, escapeStart: next)
                guard low >= 0xDC00 && low <= 0xDFFF else { throw fail(.loneSurrogate, at: p) }
                scalar = 0x10000 &+ ((scalar &- 0xD800) << 10) &+ (low &- 0xDC00)
                next &+= 6
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw fail(.loneSurrogate, at: p)
            }
            if build { Self.appendUTF8(scalar, to: &buffer) }
            return next
        default:
            throw fail(.invalidEscape, at: p)
        }
        if build { buffer.append(simple) }
        return p &+ 2
    }

    /// Four hex digits at `p`.
    func hex4(at p: Int, escapeStart: Int) throws(JSONFailure) -> UInt32 {
        var value: UInt32 = 0
        for i in 0..<4 {
            guard p &+ i < end else { throw fail(.unexpectedEnd, at: end) }
            let c = base[p &+ i]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c &- UInt8(ascii: "A") &+ 10
            default: throw fail(.invalidEscape, at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    static func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            buffer.append(UInt8(scalar))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | (scalar >> 6)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            buffer.append(UInt8(0xE0 | (scalar >> 12)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            buffer.append(UInt8(0xF0 | (scalar >> 18)))
            buffer.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
