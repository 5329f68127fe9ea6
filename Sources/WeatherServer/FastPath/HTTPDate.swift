import Foundation
import WeatherServerCore
import WeatherPages

/// The `Date` header's IMF-fixdate (RFC 9110 §5.6.7), `Thu, 03 Dec 2026 06:04:15 GMT`.
///
/// Hummingbird's own date cache is internal to it; the fast path keeps one formatted value per
/// connection and second (`FastPathChannelHandler`), so formatting costs nothing per request.
enum HTTPDate {
    /// The IMF-fixdate of `secondsSinceEpoch` (UTC).
    static func format(secondsSinceEpoch seconds: Int) -> String {
        let f = PlaceClock.utc.fields(of: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return "\(PlaceClock.weekdays[f.weekday]), \(PlaceClock.two(f.day)) \(PlaceClock.months[f.month - 1]) \(f.year) "
            + f.timeOfDay + " GMT"
    }
}
