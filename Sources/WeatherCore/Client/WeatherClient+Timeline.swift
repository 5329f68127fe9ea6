public import Foundation

/// A time range of a One Call 4.0 timeline, walked across pages by ``WeatherClient/timeline(for:step:from:to:language:maxPages:as:)``.
public struct Timeline<Record: TimelineRecord>: Sendable {
    /// The timeline walked.
    public var step: TimelineStep
    /// The range asked for, its start rounded down to the step grid.
    public var range: Range<Date>
    /// The records inside ``range``, in time order, each time once (pages may overlap).
    public var records: [Record]
    /// Every page fetched, in order, with how each was answered (cache hit, miss, stale, …).
    public var pages: [WeatherResult<TimelinePage<Record>>]

    /// Which One Call API answered and how many upstream calls the walk took; set by
    /// ``WeatherClient/oneCallTimeline(for:step:from:to:language:maxPages:as:)``.
    public var source: OneCallSource? = nil
    /// The point served, from the first page.
    public var coordinates: Coordinates? { pages.first?.value.coordinates }

    /// The IANA time zone name, from the first page.
    public var timeZoneIdentifier: String? { pages.first?.value.timeZoneIdentifier }

    /// Every alert id the records in range name, each once, in order of first appearance.
    public var alertIDs: [String] { records.alertIDs }

    /// Until when every page behind the records is fresh: the earliest page's ``WeatherResult/freshUntil``.
    public var freshUntil: Date? { pages.map(\.freshUntil).min() }
}

extension WeatherClient {
    /// The default bound on pages one ``timeline(for:step:from:to:language:maxPages:as:)`` walk
    /// may fetch: 4, enough for 48 hours of quarter hours (50 + 50 + 50 + 42) or of hours (3 pages).
    public static let defaultTimelinePageLimit = 4

    /// The records of `step`'s timeline in `[from, to)`, walked across as many pages as needed.
    ///
    /// The number of pages is computed first (``TimelinePaging``, with `to` cut at the end of the
    /// step's span), and a range needing more than `maxPages` is refused before any call. Each
    /// page is then fetched through the cached ``fetch(_:as:)`` path — cached on its own, counted
    /// as one call of the quota — from the `start` of the previous page's `next` link, rebuilt
    /// with this client's key, `units=standard` and `language` (a link is never fetched as
    /// given). The walk stops at a page without `next`, a short page, the end of the range, or
    /// `maxPages`; records are trimmed to the range.
    ///
    /// ```swift
    /// let next48Hours = try await client.timeline(
    ///     for: point, step: .hour, from: now, to: now.addingTimeInterval(48 * 3600), as: HourlyForecast.self)
    /// ```
    ///
    /// - Throws: ``WeatherError``: ``WeatherError/Code/invalidRequest`` for a record type that does
    ///   not match `step`, an empty range, a start outside the step's span, or a range needing more
    ///   than `maxPages` pages; or the failure of a page's lookup.
    public func timeline<Record: TimelineRecord>(
        for coordinates: Coordinates, step: TimelineStep, from: Date, to: Date, language: String? = nil,
        maxPages: Int = WeatherClient.defaultTimelinePageLimit, as type: Record.Type = Record.self
    ) async throws -> Timeline<Record> {
        try Self.checkRecordType(Record.self, step: step)
        guard maxPages >= 1 else {
            throw WeatherError.invalidRequest("maxPages \(maxPages) is out of range: allow at least 1 page.")
        }
        let now = clock.now
        // Validates `from` against the span before anything is spent.
        _ = try OpenWeatherRequest.timeline(coordinates, step: step, start: from, language: language, now: now)
        let offeredEnd = step.span(now: now).upperBound.addingTimeInterval(TimeInterval(step.seconds))
        let paging = try TimelinePaging(step: step, from: from, to: min(to, max(offeredEnd, from.addingTimeInterval(1))))
        guard paging.pageCount <= maxPages else {
            throw WeatherError.invalidRequest(
                "The range needs \(paging.pageCount) pages of the \(step) timeline (\(step.recordsPerPage) records each), "
                    + "more than the limit of \(maxPages) pages per walk: shorten the range or raise maxPages.")
        }

        var pages: [WeatherResult<TimelinePage<Record>>] = []
        var records: [Record] = []
        var seen = Set<Date>()
        var start = paging.start
        while true {
            let page = try await timelinePage(
                for: coordinates, step: step, start: start, language: language, as: Record.self)
            pages.append(page)
            for record in page.value.records
            where record.time >= paging.start && record.time < to && seen.insert(record.time).inserted {
                records.append(record)
            }
            guard pages.count < maxPages, let next = page.value.nextStart,
                page.value.records.count >= step.recordsPerPage
            else { break }
            let nextStart = step.alignedDown(next)
            // A link that goes back or nowhere, past the range or out of the span ends the walk.
            guard nextStart > start, nextStart < to, step.span(now: clock.now).contains(nextStart) else { break }
            start = nextStart
        }
        records.sort { $0.time < $1.time }
        return Timeline(step: step, range: paging.start..<max(to, paging.start), records: records, pages: pages)
    }
}
