/// Where and when the stub's alerts are in force: two known cities on fixed UTC schedules, so a
/// test can find an alert at any time (and a time without one).
///
/// | place (within ~10 km) | alert | window (UTC) | issued |
/// |---|---|---|---|
/// | Berlin (52.5244, 13.4105) | `Heat` from Deutscher Wetterdienst, en-GB + de-DE | every day 10:00–18:00 | 04:00 that day |
/// | London (51.5085, -0.1257) | `Wind` from the Met Office, en-GB | 06:00 on even days (days since 1970) for 30 h | 00:00 that day |
///
/// An alert's id appears in `data[].alerts` of every record whose interval overlaps its window
/// (a day record: its whole local day) once it is issued; `alert/{id}` answers from its issue until
/// its end, then 404. Ids: `2.49.0.0.276.0.DE.<issued yyMMddHHmmss>.W:Heat:0001` and
/// `2.49.0.0.826.0.GB.<issued yyMMddHHmmss>.W:Wind:0001`.
enum StubAlerts {
    /// One recurring alert.
    struct Schedule: Sendable {
        var cityID: Int
        var idPrefix: String
        var event: String
        var senderName: String
        var eventName: String
        var descriptions: [(language: String, text: String)]
        var tags: [String]
        /// Days (since 1970) on which an alert starts: every `period` days.
        var period: Int
        /// Issue time, start and length, seconds after 00:00 UTC of such a day.
        var issuedAt: Int
        var startsAt: Int
        var length: Int

        /// The alert starting on `day` (which must be one of its days).
        func alert(day: Int) -> StubAlert {
            let midnight = day * 86_400
            let issued = midnight + issuedAt
            return StubAlert(
                id: "\(idPrefix)\(StubAlerts.stamp(issued)).W:\(event):0001", senderName: senderName,
                event: eventName, issued: issued, start: midnight + startsAt, end: midnight + startsAt + length,
                descriptions: descriptions, tags: tags)
        }

        /// The alerts whose window overlaps `[from, to)`, issued by `now`.
        func alerts(from: Int, to: Int, now: Int) -> [StubAlert] {
            let firstDay = OneCall4Timeline.floor(from - startsAt - length, 86_400)
            let lastDay = OneCall4Timeline.floor(to - startsAt, 86_400)
            guard firstDay <= lastDay else { return [] }
            return (firstDay...lastDay).filter { ($0 % period + period) % period == 0 }.map(alert(day:))
                .filter { $0.overlaps(from: from, to: to) && $0.issued <= now }
        }
    }

    static let schedules: [Schedule] = [
        Schedule(
            cityID: 2_950_159, idPrefix: "2.49.0.0.276.0.DE.", event: "Heat", senderName: "Deutscher Wetterdienst",
            eventName: "Heat warning",
            descriptions: [
                ("en-GB", "Heat warning: temperatures above 32 °C are expected in the afternoon."),
                ("de-DE", "Amtliche WARNUNG vor HITZE: am Nachmittag werden Temperaturen über 32 °C erwartet."),
            ], tags: ["Extreme high temperature"], period: 1, issuedAt: 4 * 3600, startsAt: 10 * 3600,
            length: 8 * 3600),
        Schedule(
            cityID: 2_643_743, idPrefix: "2.49.0.0.826.0.GB.", event: "Wind", senderName: "Met Office",
            eventName: "Yellow warning of wind",
            descriptions: [
                ("en-GB", "Yellow warning of wind: gusts of 50 to 60 mph are possible on coasts and hills.")
            ],
            tags: ["Wind"], period: 2, issuedAt: 0, startsAt: 6 * 3600, length: 30 * 3600),
    ]

    /// The alerts at `place` overlapping `[from, to)` and issued by `now`.
    static func alerts(place: SyntheticPlace, from: Int, to: Int, now: Int) -> [StubAlert] {
        schedules.filter { $0.cityID == place.id }.flatMap { $0.alerts(from: from, to: to, now: now) }
    }

    /// The alert with `id` while it can be looked up (issued, not yet ended), else `nil`.
    static func alert(id: String, now: Int) -> StubAlert? {
        for schedule in schedules where id.hasPrefix(schedule.idPrefix) {
            let stampText = id.dropFirst(schedule.idPrefix.count).prefix(12)
            guard stampText.count == 12, let issued = time(fromStamp: String(stampText)) else { return nil }
            let day = OneCall4Timeline.floor(issued - schedule.issuedAt, 86_400)
            guard (day % schedule.period + schedule.period) % schedule.period == 0 else { return nil }
            let alert = schedule.alert(day: day)
            guard alert.id == id, alert.issued <= now, now < alert.end else { return nil }
            return alert
        }
        return nil
    }

    /// `yyMMddHHmmss` in UTC.
    static func stamp(_ time: Int) -> String {
        let (year, month, day) = ForecastEndpoint.civil(days: OneCall4Timeline.floor(time, 86_400))
        let seconds = time - OneCall4Timeline.floor(time, 86_400) * 86_400
        return [year % 100, month, day, seconds / 3600, seconds % 3600 / 60, seconds % 60]
            .map { $0 < 10 ? "0\($0)" : "\($0)" }.joined()
    }

    /// The Unix time of a `yyMMddHHmmss` stamp (years 2000–2099).
    static func time(fromStamp text: String) -> Int? {
        let digits = Array(text)
        guard digits.count == 12, digits.allSatisfy(\.isASCII) else { return nil }
        let parts = stride(from: 0, to: 12, by: 2).compactMap { Int(String(digits[$0...$0 + 1])) }
        guard parts.count == 6, parts[3] < 24, parts[4] < 60, parts[5] < 60 else { return nil }
        let date = "\(2000 + parts[0])-\(parts[1])-\(parts[2])"
        guard let midnight = OneCallExtrasEndpoint.dayStart(date) else { return nil }
        return midnight + parts[3] * 3600 + parts[4] * 60 + parts[5]
    }
}
