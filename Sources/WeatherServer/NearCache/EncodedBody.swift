import Foundation
import NIOCore
import WeatherCore
import WeatherServerCore
import WeatherPages

/// One lookup's answer, encoded once: the JSON bytes written as they are to every client that asks
/// the same normalized question until the cache entry behind them stops being fresh.
///
/// Per-request headers (`Age`, `Cache-Control: max-age`) are computed from ``fetchedAt`` and
/// ``freshUntil`` at write time; nothing here changes after creation.
struct EncodedBody: Sendable {
    /// The response body.
    let bytes: ByteBuffer
    /// A strong entity tag over the bytes, quoted: the same body gives the same tag on every replica.
    let etag: String
    /// When the data was fetched from upstream (the cache entry's, shared by every replica).
    let fetchedAt: Date
    /// Until when the cache entry behind the body is fresh.
    let freshUntil: Date
    /// `, stale-while-revalidate=…, stale-if-error=…` for the endpoint family.
    let staleDirectives: String
    /// Whether shared caches may keep it (`Cache-Control: public, max-age=…`); `false` answers
    /// `no-store` (demo weather).
    let isShareable: Bool

    init(bytes: [UInt8], fetchedAt: Date, freshUntil: Date, staleDirectives: String, isShareable: Bool) {
        self.bytes = ByteBuffer(bytes: bytes)
        self.etag = EntityTag.strong(for: bytes)
        self.fetchedAt = fetchedAt
        self.freshUntil = freshUntil
        self.staleDirectives = staleDirectives
        self.isShareable = isShareable
    }

    /// What the near-cache charges for the body under `key`.
    func cost(key: String) -> Int { bytes.readableBytes + etag.utf8.count + key.utf8.count + 160 }
}
