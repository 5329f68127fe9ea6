extension JSONReader {
    /// The parts of a number token, as scanned.
    struct NumberScan {
        var start: Int
        var negative = false
        /// The first (up to) 19 significant digits.
        var mantissa: UInt64 = 0
        /// How many digits `mantissa` holds (the fast scan also counts leading zeros).
        var significantDigits = 0
        /// Power of ten to apply to `mantissa` (fraction digits and dropped integer digits).
        var exponent = 0
        /// Whether significant digits were dropped.
        var truncated = false
        var isInteger = true
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    /// Scans a number token at `pos` by the RFC 8259 grammar, without converting it yet.
    ///
    /// Inlined fast path for the common shape `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with at most 19
    /// digits in all: one pass, integer and fraction digits accumulating into one mantissa.
    /// Anything else (exponents, more digits, every malformed token) is rescanned from the start
    /// by ``scanNumberExact()``, which implements the whole grammar and its errors.
    @inline(__always)
    mutating func scanNumber() throws(JSONFailure) -> NumberScan {
        let start = pos
        var p = start
        let negative = base[p] == UInt8(ascii: "-")
        if negative {
            p &+= 1
            guard p < end else { return try rescanNumber(from: start) }
        }
        let digitsStart = p
        var m: UInt64 = 0
        if base[p] == UInt8(ascii: "0") {
            p &+= 1
        } else {
            while p < end {
                let d = base[p] &- UInt8(ascii: "0")
                if d >= 10 { break }
                m = m &* 10 &+ UInt64(d)
                p &+= 1
            }
            guard p > digitsStart else { return try rescanNumber(from: start) }
        }
        var digitCount = p &- digitsStart
        var exponent = 0
        if p < end && base[p] == UInt8(ascii: ".") {
            p &+= 1
            let fractionStart = p
            while p < end {
                let d = base[p] &- UInt8(ascii: "0")
                if d >= 10 { break }
                m = m &* 10 &+ UInt64(d)
                p &+= 1
            }
            guard p > fractionStart else { return try rescanNumber(from: start) }
            digitCount &+= p &- fractionStart
            exponent = fractionStart &- p
        }
        // A digit here follows a leading zero ("01"); 'e'/'E' starts an exponent (0x20 folds case).
        if p < end && (Self.isDigit(base[p]) || base[p] | 0x20 == UInt8(ascii: "e")) {
            return try rescanNumber(from: start)
        }
        guard digitCount <= 19 else { return try rescanNumber(from: start) }
        pos = p
        var s = NumberScan(start: start)
        s.negative = negative
        s.mantissa = m
        s.significantDigits = digitCount
        s.exponent = exponent
        s.isInteger = exponent == 0  // a fraction has at least one digit, so it made this negative
        return s
    }

    /// Rescans the token at `start` with the full grammar (cold path of ``scanNumber()``).
    @inline(never)
    mutating func rescanNumber(from start: Int) throws(JSONFailure) -> NumberScan {
        pos = start
        return try scanNumberExact()
    }

    /// Scans a number token at `pos` by the RFC 8259 grammar, keeping the first 19 significant
    /// digits exactly (the cold path of ``scanNumber()`` for tokens with more than 19 digits).
    mutating func scanNumberExact() throws(JSONFailure) -> NumberScan {
        var s = NumberScan(start: pos)
        var p = pos
        if base[p] == UInt8(ascii: "-") {
            s.negative = true
            p &+= 1
            guard p < end else { throw fail(.unexpectedEnd, at: end) }
        }
        var b = base[p]
        if b == UInt8(ascii: "0") {
            p &+= 1
            if p < end && Self.isDigit(base[p]) { throw fail(.leadingZero, at: s.start) }
        } else if Self.isDigit(b) {
            // Find the digits first, then accumulate them in a loop without per-digit checks.
            let digitsStart = p
            repeat { p &+= 1 } while p < end && Self.isDigit(base[p])
            let count = p &- digitsStart
            let take = min(count, 19)
            for i in digitsStart..<(digitsStart &+ take) {
                s.mantissa = s.mantissa &* 10 &+ UInt64(base[i] &- UInt8(ascii: "0"))
            }
            s.significantDigits = take
            if count > 19 {
                s.exponent &+= count &- 19
                s.truncated = true
            }
        } else {
            throw fail(.invalidNumber, at: s.start)
        }
        guard p < end else {
            pos = p
            return s
        }
        b = base[p]
        if b == UInt8(ascii: ".") {
            s.isInteger = false
            p &+= 1
            let fractionStart = p
            while p < end && Self.isDigit(base[p]) { p &+= 1 }
            guard p > fractionStart else {
                throw fail(p < end ? .invalidNumber : .unexpectedEnd, at: p < end ? s.start : end)
            }
            var q = fractionStart
            if s.mantissa == 0 {
                // Leading zeros of a fraction are not significant digits.
                while q < p && base[q] == UInt8(ascii: "0") { q &+= 1 }
                s.exponent &-= q &- fractionStart
            }
            let take = min(p &- q, 19 &- s.significantDigits)
            for i in q..<(q &+ take) {
                s.mantissa = s.mantissa &* 10 &+ UInt64(base[i] &- UInt8(ascii: "0"))
            }
            s.significantDigits &+= take
            s.exponent &-= take
            var i = q &+ take
            while i < p {
                if base[i] != UInt8(ascii: "0") {
                    s.truncated = true
                    break
                }
                i &+= 1
            }
            guard p < end else {
                pos = p
                return s
            }
            b = base[p]
        }
        if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            s.isInteger = false
            p &+= 1
            guard p < end else { throw fail(.unexpectedEnd, at: end) }
            var negativeExponent = false
            if base[p] == UInt8(ascii: "-") || base[p] == UInt8(ascii: "+") {
                negativeExponent = base[p] == UInt8(ascii: "-")
                p &+= 1
                guard p < end else { throw fail(.unexpectedEnd, at: end) }
            }
            guard Self.isDigit(base[p]) else { throw fail(.invalidNumber, at: s.start) }
            var e = 0
            repeat {
                if e < 1_000_000 { e = e &* 10 &+ Int(base[p] &- UInt8(ascii: "0")) }
                p &+= 1
            } while p < end && Self.isDigit(base[p])
            s.exponent &+= negativeExponent ? -e : e
        }
        pos = p
        return s
    }

    /// Reads a number as a `Double`, rounded exactly as Foundation's parser rounds it.
    ///
    /// Clinger's fast path covers typical weather values (mantissa ≤ 2^53, |exp| ≤ 22):
    /// both operands are exact doubles, so one IEEE multiplication or division is correctly
    /// rounded. Anything else goes through the standard library's correctly rounded parser.
    @inline(__always)
    mutating func double() throws(JSONFailure) -> Double {
        let b = try peek()
        guard b == UInt8(ascii: "-") || Self.isDigit(b) else { throw typeMismatch(b, expected: "number") }
        let s = try scanNumber()
        if !s.truncated && s.mantissa <= 1 &<< 53 {
            var value = Double(s.mantissa)
            let e = s.exponent
            if s.mantissa == 0 {
                return s.negative ? -0.0 : 0.0
            }
            if e == 0 {
                return s.negative ? -value : value
            }
            if e < 0 && e >= -22 {
                value /= Self.powerOfTen(-e)
                return s.negative ? -value : value
            }
            if e > 0 && e <= 22 {
                value *= Self.powerOfTen(e)
                return s.negative ? -value : value
            }
        }
        if !s.truncated, let value = Self.exactlyScaled(s.mantissa, byPowerOfTen: s.exponent) {
            return s.negative ? -value : value
        }
        return try slowDouble(s)
    }

    /// `mantissa × 10^exponent` correctly rounded, by exact 128-bit integer arithmetic, for
    /// `-27 ≤ exponent ≤ 27` (where `5^|exponent|` fits in 64 bits); `nil` outside that range.
    ///
    /// Covers the 16–19-digit values Clinger's fast path cannot (e.g. `201.94053649902344`).
    /// `m × 10^e = m × 5^e × 2^e`: for `e ≥ 0` the product `m × 5^e` is exact in 128 bits; for
    /// `e < 0` the quotient `(m << shift) / 5^-e` has 63–64 bits and a remainder. Either way a
    /// 64-bit integer carrying a sticky bit for everything below it converts to `Double` with
    /// one correct rounding (it has ≥ 11 bits below the 53 kept, so the sticky bit only breaks
    /// ties), and the power-of-two scaling after it is exact (no overflow or subnormals here).
    static func exactlyScaled(_ mantissa: UInt64, byPowerOfTen exponent: Int) -> Double? {
        guard mantissa != 0, exponent >= -27, exponent <= 27 else { return nil }
        var power: UInt64 = 1
        for _ in 0..<(exponent < 0 ? -exponent : exponent) { power &*= 5 }
        if exponent >= 0 {
            let product = UInt128(mantissa) &* UInt128(power)
            let zeros = product.leadingZeroBitCount
            let top = product &<< UInt128(zeros)
            let high = UInt64(truncatingIfNeeded: top &>> 64)
            let sticky: UInt64 = UInt64(truncatingIfNeeded: top) == 0 ? 0 : 1
            return Double(sign: .plus, exponent: 64 &- zeros &+ exponent, significand: Double(high | sticky))
        }
        let powerBits = 64 &- power.leadingZeroBitCount
        let mantissaBits = 64 &- mantissa.leadingZeroBitCount
        let shift = 63 &- mantissaBits &+ powerBits
        let (quotient, remainder) = (UInt128(mantissa) &<< UInt128(shift)).quotientAndRemainder(
            dividingBy: UInt128(power))
        let sticky: UInt64 = remainder == 0 ? 0 : 1
        return Double(
            sign: .plus, exponent: exponent &- shift, significand: Double(UInt64(truncatingIfNeeded: quotient) | sticky))
    }

    mutating func slowDouble(_ s: NumberScan) throws(JSONFailure) -> Double {
        let text = String(decoding: UnsafeBufferPointer(start: base + s.start, count: pos &- s.start), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw fail(.numberOutOfRange, at: s.start) }
        return value
    }

    /// Exact powers of ten 10^0 … 10^22: a table load rather than a jump table on the hot path.
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    @inline(__always)
    static func powerOfTen(_ e: Int) -> Double {
        powersOfTen[e]
    }

    /// Reads an integer; fractions and exponents are rejected as the wrong type.
    @inline(__always)
    mutating func int() throws(JSONFailure) -> Int {
        let b = try peek()
        // Fast path for the usual shape: 1 to 18 digits, no sign, no leading zero, not followed by a
        // fraction or an exponent (Unix times, percentages, pressures). Anything else, including
        // every error, goes through the full scan below.
        if b &- UInt8(ascii: "1") < 9 {
            var p = pos &+ 1
            var m = UInt64(b &- UInt8(ascii: "0"))
            while p < end {
                let d = base[p] &- UInt8(ascii: "0")
                if d >= 10 { break }
                m = m &* 10 &+ UInt64(d)
                p &+= 1
            }
            if p &- pos <= 18 && (p == end || (base[p] != UInt8(ascii: ".") && base[p] | 0x20 != UInt8(ascii: "e"))) {
                pos = p
                return Int(truncatingIfNeeded: m)
            }
        }
        guard b == UInt8(ascii: "-") || Self.isDigit(b) else { throw typeMismatch(b, expected: "integer") }
        let s = try scanNumber()
        guard s.isInteger else { throw fail(.typeMismatch(expected: "integer"), at: s.start) }
        guard !s.truncated else { throw fail(.numberOutOfRange, at: s.start) }
        if s.negative {
            guard s.mantissa <= UInt64(Int.max) &+ 1 else { throw fail(.numberOutOfRange, at: s.start) }
            return Int(truncatingIfNeeded: 0 &- s.mantissa)
        }
        guard s.mantissa <= UInt64(Int.max) else { throw fail(.numberOutOfRange, at: s.start) }
        return Int(s.mantissa)
    }

    /// Reads an integer sent either as a number or as a string of digits (OpenWeather's `cod`).
    mutating func intOrNumericString() throws(JSONFailure) -> Int {
        let b = try peek()
        guard b == UInt8(ascii: "\"") else { return try int() }
        let start = pos
        let text = try string()
        guard let value = Int(text) else { throw fail(.typeMismatch(expected: "integer or numeric string"), at: start) }
        return value
    }
}
