import Foundation

extension CacheEntry {
    private static let magic: [UInt8] = Array("WTC1".utf8)
    private static let headerSize = 4 + 1 + 8 * 4

    /// A compact binary form, the same for every store, so replicas can share entries.
    ///
    /// Layout: `WTC1`, flags (bit 0 negative, bit 1 has `observedAt`), four little-endian
    /// `Int64` millisecond timestamps (fetched, fresh until, stale until, observed), then the body.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.headerSize + body.count)
        out += Self.magic
        out.append((isNegative ? 1 : 0) | (observedAt != nil ? 2 : 0))
        for date in [fetchedAt, freshUntil, staleUntil, observedAt ?? Date(timeIntervalSince1970: 0)] {
            let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
            withUnsafeBytes(of: ms.littleEndian) { out += $0 }
        }
        out += body
        return out
    }

    /// Reads the form written by ``serialized()``; returns `nil` for anything else (another
    /// version, a truncated value), which callers treat as a miss.
    public init?(serialized bytes: [UInt8]) {
        guard bytes.count >= Self.headerSize, Array(bytes[0..<4]) == Self.magic else { return nil }
        let flags = bytes[4]
        func date(_ index: Int) -> Date {
            var ms: Int64 = 0
            for i in 0..<8 { ms |= Int64(bytes[5 + index * 8 + i]) << (8 * i) }
            return Date(timeIntervalSince1970: Double(ms) / 1000)
        }
        self.init(
            body: Array(bytes[Self.headerSize...]),
            fetchedAt: date(0),
            freshUntil: date(1),
            staleUntil: date(2),
            observedAt: flags & 2 != 0 ? date(3) : nil,
            isNegative: flags & 1 != 0
        )
    }
}
