/// The `Date` header's IMF-fixdate (RFC 9110 §5.6.7), `Thu, 03 Dec 2026 06:04:15 GMT`.
///
/// Hummingbird's own date cache is internal to it; the fast path keeps one formatted value per
/// connection and second (``FastPathChannelHandler``), so formatting costs nothing per request.
enum HTTPDate {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The IMF-fixdate of `secondsSinceEpoch` (UTC).
    static func format(secondsSinceEpoch seconds: Int) -> String {
        let days = PlaceClock.floorDivide(seconds, 86_400)
        let second = seconds - days * 86_400
        let (year, month, day) = PlaceClock.civil(days: days)
        // 1970-01-01 was a Thursday.
        let weekday = weekdays[((days % 7) + 7) % 7]
        let time = PlaceClock.two(second / 3600) + ":" + PlaceClock.two(second / 60 % 60) + ":" + PlaceClock.two(second % 60)
        return "\(weekday), \(PlaceClock.two(day)) \(months[month - 1]) \(year) \(time) GMT"
    }
}
