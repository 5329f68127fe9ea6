import ArgumentParser
import Foundation
import WeatherCore

/// `weather-tracker timeline PLACE --step 1min|15min|1h|1day`: One Call's timeline for a range.
struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "One Call's timeline for a place at 1-minute, 15-minute, hourly or daily steps.",
        discussion: PlaceHelp.discussion + " A city or zip is geocoded first (cached like any lookup). "
            + """
            1min: precipitation for the next hour; 15min: the next 48 hours (One Call 4.0 only); 1h: 48 hours \
            ahead (history on 4.0); 1day: 8 days ahead on 3.0, up to 18 months (and history) on 4.0. Without \
            --to the range ends where the step's forecast ends, within --max-pages pages.
            """ + " " + OneCallHelp.version
    )

    @Argument(help: PlaceHelp.argument)
    var place: String

    @Option(help: "The step: 1min, 15min, 1h or 1day.")
    var step: TimelineStep

    @Option(help: "Start: YYYY-MM-DD (UTC), an RFC 3339 time (2026-03-15T14:00:00Z) or Unix seconds (default: now).")
    var from: String?

    @Option(help: "End (exclusive), like --from (default: the end of what the step offers ahead).")
    var to: String?

    @Option(help: "The most pages of records one walk may fetch (each is an upstream call on One Call 4.0).")
    var maxPages: Int = WeatherClient.defaultTimelinePageLimit

    @OptionGroup var options: LookupOptions

    func validate() throws {
        guard (1...50).contains(maxPages) else { throw ValidationError("--max-pages must be in 1…50.") }
    }

    func run() async throws {
        try await LookupSession.run(options) { session in
            let parsed = try Place.argument(place)
            let start = try from.map { try DateArgument.parse($0, option: "--from") }
            let end = try to.map { try DateArgument.parse($0, option: "--to") }
            if let start, let end, end <= start {
                throw UsageError(message: "--to must be after --from")
            }
            let resolved = try await session.resolve(parsed)
            let output = OutputContext(options)
            let lookup = TimelineLookup(
                session: session, coordinates: resolved.coordinates, step: step, from: start, to: end,
                language: options.language, maxPages: maxPages)
            switch step {
            case .minute:
                let timeline = try await lookup.records(as: MinutelyPrecipitation.self)
                try output.print(TimelineOutput(timeline, place: resolved.name)) {
                    TimelineRenderer(units: output.units, style: output.style).render($0)
                }
            case .quarterHour, .hour:
                let timeline = try await lookup.records(as: HourlyForecast.self)
                try output.print(TimelineOutput(timeline, place: resolved.name)) {
                    TimelineRenderer(units: output.units, style: output.style).render($0)
                }
            case .day:
                let timeline = try await lookup.records(as: DailyForecast.self)
                try output.print(TimelineOutput(timeline, place: resolved.name)) {
                    TimelineRenderer(units: output.units, style: output.style).render($0)
                }
            }
        }
    }
}

/// One `timeline` lookup: the range with its defaults, on whichever One Call API the key has.
struct TimelineLookup {
    let session: LookupSession
    let coordinates: Coordinates
    let step: TimelineStep
    let from: Date?
    let to: Date?
    let language: String?
    let maxPages: Int

    /// The records; without `--to` the range ends at the end of what the step offers ahead (on One
    /// Call 3.0, 8 days for `1day`), bounded by `maxPages` pages.
    func records<Record: TimelineRecord>(as type: Record.Type) async throws -> Timeline<Record> {
        let client = session.client
        let now = Date()
        let start = from ?? now
        let end = to ?? Self.defaultEnd(step: step, from: start, now: now, maxPages: maxPages, api: client.oneCallAPI)
        let timeline: Timeline<Record>
        do {
            timeline = try await client.oneCallTimeline(
                for: coordinates, step: step, from: start, to: end, language: language, maxPages: maxPages,
                as: Record.self)
        } catch let error as WeatherError
            where error.code == .invalidRequest && to == nil && client.oneCallAPI != .v4 && step != .quarterHour
        {
            // The default end was 4.0's; One Call 3.0 offers less ahead. (While detecting the API, a
            // failed lookup records no verdict, so `oneCallAPI` may still be nil here.)
            let shorter = Self.defaultEnd(step: step, from: start, now: now, maxPages: maxPages, api: .v3)
            guard shorter < end else { throw error }
            timeline = try await client.oneCallTimeline(
                for: coordinates, step: step, from: start, to: shorter, language: language, maxPages: maxPages,
                as: Record.self)
        }
        for page in timeline.pages { session.report(page) }
        return timeline
    }

    /// The end of what `step` offers ahead at `now` on `api` (4.0 when unknown), at most `maxPages`
    /// pages after `from`'s step.
    static func defaultEnd(step: TimelineStep, from: Date, now: Date, maxPages: Int, api: OneCallAPI?) -> Date {
        var offered = step.span(now: now).upperBound.addingTimeInterval(TimeInterval(step.seconds))
        if api == .v3, step == .day {
            offered = TimelineStep.day.alignedDown(now).addingTimeInterval(8 * 86400)
        }
        let paged = step.alignedDown(from).addingTimeInterval(TimeInterval(Int64(maxPages) * step.pageSeconds))
        return max(min(offered, paged), from.addingTimeInterval(TimeInterval(step.seconds)))
    }
}

/// What `timeline --json` prints: the place, the range, which API answered, and the records.
struct TimelineOutput<Record: TimelineRecord>: Encodable {
    var place: String
    var step: TimelineStep
    var from: Date
    var to: Date
    var timeZoneIdentifier: String?
    var utcOffsetSeconds: Int?
    var source: OneCallSource?
    var alertIds: [String]
    var records: [Record]

    init(_ timeline: Timeline<Record>, place: String) {
        self.place = place
        step = timeline.step
        from = timeline.range.lowerBound
        to = timeline.range.upperBound
        timeZoneIdentifier = timeline.timeZoneIdentifier
        utcOffsetSeconds = timeline.pages.first?.value.utcOffsetSeconds
        source = timeline.source
        alertIds = timeline.alertIDs
        records = timeline.records
    }
}
