package import Foundation
package import WeatherCore

extension LookupRoute {
    /// One Call's timelines and alerts, answered by 3.0 or 4.0 (``WeatherClient/oneCallTimeline(for:step:from:to:language:maxPages:as:)``).
    package static let oneCallTimelines: [LookupRoute] = TimelineStep.allCases.map(timeline) + [alerts]

    /// `GET /v1/weather/timeline/{step}`: the records of a time range, pages walked server-side.
    package static func timeline(_ step: TimelineStep) -> LookupRoute {
        LookupRoute(
            path: "/v1/weather/timeline/\(step.rawValue)", summary: summary(of: step), family: .oneCall,
            parameters: ParameterSpec.place + [
                .units, .lang,
                ParameterSpec(
                    name: "start",
                    description: "First instant, RFC 3339 (2026-12-07T10:00:00Z) or a date (2026-12-07, UTC midnight); "
                        + "rounded down to the step. Default now. \(span(of: step))",
                    schema: .instant),
                ParameterSpec(
                    name: "end",
                    description: "End of the range (exclusive), RFC 3339 or a date. Default \(defaultLength(of: step).text) "
                        + "after start. A range needing more than \(timelinePageLimit) upstream pages "
                        + "(\(step.recordsPerPage) records each) is refused.",
                    schema: .instant),
            ], data: timelineBody(of: step)
        ) { query, now throws(Problem) in
            let common = try LookupQuery(query)
            let start = step.alignedDown(try instant(query, "start") ?? now)
            let end = try instant(query, "end") ?? start.addingTimeInterval(defaultLength(of: step).seconds)
            guard end > start else { throw .unprocessableParameter("end", "end must be after start.") }
            _ = try validated("start", as: Problem.unprocessableParameter) { () throws(WeatherError) in
                try OpenWeatherRequest.timeline(
                    try Coordinates(latitude: 0, longitude: 0), step: step, start: start, now: now)
            }
            let pages = try validated("end", as: Problem.unprocessableParameter) { () throws(WeatherError) in
                try TimelinePaging(step: step, from: start, to: end).pageCount
            }
            guard pages <= timelinePageLimit else {
                throw .unprocessableParameter(
                    "end",
                    "The range needs \(pages) upstream calls of the \(step) timeline (\(step.recordsPerPage) records "
                        + "each), more than the limit of \(timelinePageLimit) per request: ask for a shorter range.")
            }
            let key = "start=\(Int(start.timeIntervalSince1970))|end=\(Int(end.timeIntervalSince1970))|" + common.keyText
            return LookupPlan(key: key) { client in
                let place = try await client.resolve(common.place)
                func walk<Record: TimelineRecord>(_ type: Record.Type) async throws -> LookupOutcome {
                    let timeline = try await client.oneCallTimeline(
                        for: place.coordinates, step: step, from: start, to: end, language: common.language,
                        maxPages: timelinePageLimit, as: Record.self)
                    return LookupOutcome(timeline.result.map(TimelineBody.init), units: common.units, place: place.name)
                }
                return try await walk(recordType(of: step))
            }
        }
    }

    /// `GET /v1/weather/alerts`: the government alerts in force, with their details.
    package static let alerts = LookupRoute(
        path: "/v1/weather/alerts", summary: "Government weather alerts in force, with their details (One Call 3.0 or 4.0)",
        family: .oneCall, parameters: ParameterSpec.place + [.lang], data: OneCallAlerts.self
    ) { query, now throws(Problem) in
        let common = try LookupQuery(query)
        return LookupPlan(key: common.keyText) { client in
            let place = try await client.resolve(common.place)
            let result = try await client.alerts(for: place.coordinates, language: common.language)
            return LookupOutcome(result, units: nil, place: place.name)
        }
    }

    /// The records of the `step` timeline: One Call's records of that step.
    package static func recordType(of step: TimelineStep) -> any TimelineRecord.Type {
        switch step {
        case .minute: MinutelyPrecipitation.self
        case .quarterHour, .hour: HourlyForecast.self
        case .day: DailyForecast.self
        }
    }

    /// The `data` of the `step` timeline.
    package static func timelineBody(of step: TimelineStep) -> any (Codable & Sendable).Type {
        func body<Record: TimelineRecord>(_ record: Record.Type) -> any (Codable & Sendable).Type { TimelineBody<Record>.self }
        return body(recordType(of: step))
    }

    /// The most upstream pages one timeline request may walk.
    package static let timelinePageLimit = 4

    private static func summary(of step: TimelineStep) -> String {
        switch step {
        case .minute: "Precipitation minute by minute for the next hour (One Call 3.0 or 4.0)"
        case .quarterHour: "The next 48 hours in 15-minute steps (One Call 4.0)"
        case .hour: "Hourly weather, from 1979 to 48 hours ahead (4.0; the next 48 hours on 3.0)"
        case .day: "Daily weather, from 1979 to 18 months ahead (4.0; the next 8 days on 3.0)"
        }
    }

    private static func span(of step: TimelineStep) -> String {
        switch step {
        case .minute: "The next 60 minutes."
        case .quarterHour: "The next 48 hours (One Call 4.0 only)."
        case .hour: "From 1979-01-01 to 48 hours ahead on One Call 4.0; the next 48 hours on 3.0."
        case .day: "From 1979-01-01 to about 548 days ahead on One Call 4.0; the next 8 days on 3.0."
        }
    }

    /// The range a request without `end` gets: what one look ahead usually wants.
    private static func defaultLength(of step: TimelineStep) -> (seconds: TimeInterval, text: String) {
        switch step {
        case .minute: (3600, "60 minutes")
        case .quarterHour, .hour: (48 * 3600, "48 hours")
        case .day: (8 * 86400, "8 days")
        }
    }

    /// `name` as RFC 3339 (`2026-12-07T10:00:00Z`, with or without fractional seconds, any offset) or
    /// a date (`2026-12-07`, midnight UTC).
    package static func instant(_ query: QueryString, _ name: String) throws(Problem) -> Date? {
        guard let text = try LookupQuery.nonBlank(query, name) else { return nil }
        if text.count == 10, let date = try? CalendarDate(parsing: text),
            let midnight = utcCalendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
        {
            return midnight
        }
        if let date = RFC3339Time.date(from: text) { return date }
        throw .invalidParameter(
            name, "\(name) must be an RFC 3339 time such as 2026-12-07T10:00:00Z or a date such as 2026-12-07.")
    }
}

private let utcCalendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    return calendar
}()

/// The body of a timeline route: the range, which API answered, and the records.
package struct TimelineBody<Record: TimelineRecord>: Codable, Sendable {
    package var step: String
    package var start: Date
    package var end: Date
    package var timeZone: String?
    package var source: OneCallSource?
    package var records: [Record]

    package init(_ timeline: Timeline<Record>) {
        step = timeline.step.rawValue
        start = timeline.range.lowerBound
        end = timeline.range.upperBound
        timeZone = timeline.timeZoneIdentifier
        source = timeline.source
        records = timeline.records
    }
}
