import Foundation
import Synchronization

/// UTC offsets of IANA zones from the system's zone data, cached per zone name.
enum ZoneOffsets {
    private static let zones = Mutex<[String: TimeZone?]>([:])

    /// The offset of `zone` at `time` (Unix seconds), daylight saving included; `nil` when the
    /// system does not know the zone (no tzdata installed).
    static func offset(of zone: String, at time: Int) -> Int? {
        let timeZone = zones.withLock { cache -> TimeZone? in
            if let cached = cache[zone] { return cached }
            let made = TimeZone(identifier: zone)
            cache[zone] = made
            return made
        }
        return timeZone?.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time)))
    }
}
