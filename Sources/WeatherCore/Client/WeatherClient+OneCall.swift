public import Foundation

/// One Call on whichever API the key has (``WeatherClient/Configuration/oneCallVersion``): the
/// combined document, a timeline range and the alerts, each answered by 3.0 or 4.0 with the same
/// models, and saying which answered (``OneCallSource``).
extension WeatherClient {
    /// One Call: current, minutely, hourly (48 h), daily (8 days) and alerts, minus `exclude`.
    ///
    /// On 3.0 it is one call to `/data/3.0/onecall`. On 4.0 it is assembled from `/current`,
    /// `/timeline/1min`, three pages of `/timeline/1h`, one page of 8 days of `/timeline/1day` and
    /// `/alert/{id}` for each alert the fetched records name (an alert 4.0 does not know yet is
    /// left out), the parts fetched at once and each cached on its own, so a repeat within their
    /// freshness costs nothing; `exclude` skips parts (alerts alone still need `/current` for the ids).
    /// ``OneCall/source`` says which API answered and how many calls it took.
    ///
    /// - Throws: ``WeatherError``: ``WeatherError/Code/subscriptionRequired`` when the key has no
    ///   One Call subscription (naming both versions when detection tried both), or any lookup failure.
    public func oneCall(for coordinates: Coordinates, exclude: OneCallSections = [], language: String? = nil)
        async throws -> WeatherResult<OneCall>
    {
        let request = try OpenWeatherRequest.oneCall(coordinates, exclude: exclude, language: language)
        let (result, _) = try await withOneCallAPI { api async throws -> WeatherResult<OneCall> in
            switch api {
            case .v3:
                let result = try await fetch(request, as: OneCall.self)
                return result.map { value in
                    var value = value
                    value.source = OneCallSource(api: .v3, upstreamCalls: result.cacheStatus.wentUpstream ? 1 : 0)
                    return value
                }
            case .v4:
                return try await assembledOneCall(
                    for: coordinates, exclude: exclude, language: language, key: cacheKey(for: request))
            }
        }
        return result
    }

    /// The records of `step`'s timeline in `[from, to)`, from One Call 4.0 across pages
    /// (``timeline(for:step:from:to:language:maxPages:as:)``), or from One Call 3.0 where it has
    /// them: 1-minute steps for the next hour (`minutely`), hours for the next 48 (`hourly`) and
    /// days for the next 8 (`daily`). ``Timeline/source`` says which answered.
    ///
    /// - Throws: ``WeatherError``: ``WeatherError/Code/invalidRequest`` for a range the API cannot
    ///   serve (on 3.0: 15-minute steps, history and long ranges, naming One Call 4.0), a range
    ///   needing more than `maxPages` pages, a record type that does not match `step`; or any lookup failure.
    public func oneCallTimeline<Record: TimelineRecord>(
        for coordinates: Coordinates, step: TimelineStep, from: Date, to: Date, language: String? = nil,
        maxPages: Int = WeatherClient.defaultTimelinePageLimit, as type: Record.Type = Record.self
    ) async throws -> Timeline<Record> {
        try Self.checkRecordType(Record.self, step: step)
        // The range is checked against 4.0's spans before anything is spent, whichever API answers.
        _ = try OpenWeatherRequest.timeline(coordinates, step: step, start: from, language: language, now: clock.now)
        let (timeline, _) = try await withOneCallAPI { api async throws -> Timeline<Record> in
            switch api {
            case .v4:
                var timeline = try await self.timeline(
                    for: coordinates, step: step, from: from, to: to, language: language, maxPages: maxPages,
                    as: Record.self)
                timeline.source = OneCallSource(
                    api: .v4, upstreamCalls: timeline.pages.filter(\.cacheStatus.wentUpstream).count)
                return timeline
            case .v3:
                return try await oneCall3Timeline(
                    for: coordinates, step: step, from: from, to: to, language: language, as: Record.self)
            }
        }
        return timeline
    }

    /// The government alerts in force at `coordinates`, with their details: on 4.0 the ids of
    /// `/current` and one `/alert/{id}` call each (an id 4.0 does not know yet is left out, as it
    /// answers 404 for a while after it appears); on 3.0 One Call's `alerts`.
    ///
    /// - Throws: ``WeatherError``: ``WeatherError/Code/subscriptionRequired`` without One Call, or
    ///   any lookup failure.
    public func alerts(for coordinates: Coordinates, language: String? = nil) async throws
        -> WeatherResult<OneCallAlerts>
    {
        let request = try OpenWeatherRequest.oneCall(
            coordinates, exclude: [.current, .minutely, .hourly, .daily], language: language)
        let (result, _) = try await withOneCallAPI { api async throws -> WeatherResult<OneCallAlerts> in
            switch api {
            case .v3:
                let result = try await fetch(request, as: OneCall.self)
                return result.map {
                    OneCallAlerts(
                        alerts: $0.alerts ?? [],
                        source: OneCallSource(api: .v3, upstreamCalls: result.cacheStatus.wentUpstream ? 1 : 0))
                }
            case .v4:
                let current = try await oneCall4Current(for: coordinates, language: language)
                let details = try await alertDetails(current.value.alertIDs)
                var parts = [OneCallPart(current)]
                parts += details.map { OneCallPart($0) }
                let alerts = OneCallAlerts(
                    alerts: details.map(\.value),
                    source: OneCallSource(api: .v4, upstreamCalls: parts.filter(\.status.wentUpstream).count))
                return OneCallPart.combined(parts, value: alerts, key: cacheKey(for: request))
            }
        }
        return result
    }

    // MARK: - One Call 4.0 assembly

    private func assembledOneCall(
        for coordinates: Coordinates, exclude: OneCallSections, language: String?, key: CacheKey
    ) async throws -> WeatherResult<OneCall> {
        let now = clock.now
        let hourStart = TimelineStep.hour.alignedDown(now)
        let wantsCurrent = !exclude.contains(.current) || !exclude.contains(.alerts)
        async let currentLookup = wantsCurrent ? oneCall4Current(for: coordinates, language: language) : nil
        async let minutelyLookup =
            exclude.contains(.minutely)
            ? nil : timelinePage(for: coordinates, step: .minute, language: language, as: MinutelyPrecipitation.self)
        async let hourlyLookup =
            exclude.contains(.hourly)
            ? nil
            : timeline(
                for: coordinates, step: .hour, from: hourStart, to: hourStart.addingTimeInterval(48 * 3600),
                language: language, maxPages: 3, as: HourlyForecast.self)
        async let dailyLookup =
            exclude.contains(.daily)
            ? nil
            : timelinePage(
                for: coordinates, step: .day, start: TimelineStep.day.alignedDown(now), count: 9, language: language,
                as: DailyForecast.self)
        let current = try await currentLookup
        let minutely = try await minutelyLookup
        let hourly = try await hourlyLookup
        let daily = try await dailyLookup

        var parts: [OneCallPart] = []
        var place: (coordinates: Coordinates, zone: String, offset: Int)?
        func adopt<R>(_ result: WeatherResult<TimelinePage<R>>?) {
            guard let result else { return }
            parts.append(OneCallPart(result))
            if place == nil {
                place = (result.value.coordinates, result.value.timeZoneIdentifier, result.value.utcOffsetSeconds)
            }
        }
        adopt(current)
        adopt(minutely)
        for page in hourly?.pages ?? [] { adopt(page) }
        adopt(daily)

        var alerts: [WeatherAlert]?
        if !exclude.contains(.alerts) {
            var ids = current?.value.alertIDs ?? []
            for more in [minutely?.value.alertIDs, hourly?.alertIDs, daily?.value.alertIDs] {
                for id in more ?? [] where !ids.contains(id) { ids.append(id) }
            }
            let details = try await alertDetails(ids)
            parts += details.map { OneCallPart($0) }
            alerts = details.isEmpty ? nil : details.map(\.value)
        }
        let served = place ?? (coordinates, "UTC", 0)
        let oneCall = OneCall(
            coordinates: served.coordinates, timeZoneIdentifier: served.zone, utcOffsetSeconds: served.offset,
            current: exclude.contains(.current) ? nil : current?.value.current,
            minutely: minutely?.value.records ?? [], hourly: hourly?.records ?? [],
            daily: daily.map { Self.eightDays(from: $0.value, now: now) } ?? [], alerts: alerts,
            source: OneCallSource(api: .v4, upstreamCalls: parts.filter(\.status.wentUpstream).count))
        return OneCallPart.combined(parts, value: oneCall, key: key)
    }

    /// The eight days from the place's today: a page asked from UTC midnight starts with yesterday's
    /// local noon west of Greenwich (hence 9 records asked for).
    private static func eightDays(from page: TimelinePage<DailyForecast>, now: Date) -> [DailyForecast] {
        func localDay(_ date: Date) -> Int {
            Int(((date.timeIntervalSince1970 + Double(page.utcOffsetSeconds)) / 86_400).rounded(.down))
        }
        let today = localDay(now)
        return Array(page.records.filter { localDay($0.time) >= today }.prefix(8))
    }

    /// The details of `ids` (at most ``alertDetailLimit``), fetched at once, in the order given; an
    /// id OpenWeather answers 404 for (a new id can, for a while) is left out.
    ///
    /// - Throws: any other failure of a detail's lookup.
    private func alertDetails(_ ids: [String]) async throws -> [WeatherResult<WeatherAlert>] {
        try await withThrowingTaskGroup(of: (Int, WeatherResult<WeatherAlert>?).self) { group in
            for (index, id) in ids.prefix(Self.alertDetailLimit).enumerated() {
                group.addTask {
                    do {
                        return (index, try await self.alert(id: id))
                    } catch let error as WeatherError where error.status == 404 {
                        return (index, nil)
                    }
                }
            }
            var found: [(Int, WeatherResult<WeatherAlert>)] = []
            for try await (index, result) in group {
                if let result { found.append((index, result)) }
            }
            return found.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// The most alert details one answer fetches: each is a billed call.
    static let alertDetailLimit = 10

    // MARK: - Timelines from One Call 3.0

    private func oneCall3Timeline<Record: TimelineRecord>(
        for coordinates: Coordinates, step: TimelineStep, from: Date, to: Date, language: String?,
        as type: Record.Type
    ) async throws -> Timeline<Record> {
        let keep: OneCallSections
        let horizon: TimeInterval
        switch step {
        case .minute: (keep, horizon) = (.minutely, 3600)
        case .hour: (keep, horizon) = (.hourly, 48 * 3600)
        case .day: (keep, horizon) = (.daily, 8 * 86400)
        case .quarterHour:
            throw WeatherError.invalidRequest(
                "15-minute steps need One Call 4.0, and this API key has One Call 3.0: ask for 1min, 1h or 1day, "
                    + "or subscribe the account to One Call 4.0.")
        }
        let now = clock.now
        let first = step.alignedDown(now)
        guard from >= first.addingTimeInterval(-TimeInterval(step.seconds)),
            to <= first.addingTimeInterval(horizon + TimeInterval(step.seconds))
        else {
            let what: String
            switch step {
            case .minute: what = "the next 60 minutes"
            case .hour: what = "the next 48 hours"
            default: what = "the next 8 days"
            }
            throw WeatherError.invalidRequest(
                "With One Call 3.0 the \(step) timeline covers \(what) only; history and longer ranges need "
                    + "One Call 4.0 (this API key has One Call 3.0).")
        }
        let request = try OpenWeatherRequest.oneCall(
            coordinates, exclude: OneCallSections.all.subtracting(keep), language: language)
        let result = try await fetch(request, as: OneCall.self)
        let all: [Record]
        switch step {
        case .minute: all = result.value.minutely as? [Record] ?? []
        case .hour: all = result.value.hourly as? [Record] ?? []
        default: all = result.value.daily as? [Record] ?? []
        }
        let aligned = step.alignedDown(from)
        let page = TimelinePage<Record>(
            coordinates: result.value.coordinates, timeZoneIdentifier: result.value.timeZoneIdentifier,
            utcOffsetSeconds: result.value.utcOffsetSeconds, records: all)
        var timeline = Timeline(
            step: step, range: aligned..<max(to, aligned),
            records: all.filter { $0.time >= aligned && $0.time < to }, pages: [result.map { _ in page }])
        timeline.source = OneCallSource(api: .v3, upstreamCalls: result.cacheStatus.wentUpstream ? 1 : 0)
        return timeline
    }
}

/// The government alerts for a place (``WeatherClient/alerts(for:language:)``).
public struct OneCallAlerts: Sendable, Equatable, Codable {
    /// The alerts, with their details; empty when none is in force.
    public var alerts: [WeatherAlert]
    /// Which One Call API answered and what it cost.
    public var source: OneCallSource

    /// Creates a list of alerts.
    public init(alerts: [WeatherAlert], source: OneCallSource) {
        self.alerts = alerts
        self.source = source
    }
}

extension Timeline {
    /// The walk as one result: a miss when any page was one, fresh until its first page goes stale.
    public var result: WeatherResult<Timeline<Record>> {
        OneCallPart.combined(
            pages.map { OneCallPart($0) }, value: self, key: pages.first?.key ?? CacheKey(rawValue: "timeline"))
    }
}

/// The metadata of one lookup behind an assembled answer.
struct OneCallPart {
    var status: CacheStatus
    var fetchedAt: Date
    var age: Duration
    var freshUntil: Date

    init<M>(_ result: WeatherResult<M>) {
        status = result.cacheStatus
        fetchedAt = result.fetchedAt
        age = result.age
        freshUntil = result.freshUntil
    }

    /// One result over `parts`: fetched when the oldest part was, fresh until the first part goes
    /// stale, a miss when any part was one (else revalidated, else stale, else a hit).
    static func combined<M>(_ parts: [OneCallPart], value: M, key: CacheKey) -> WeatherResult<M> {
        let statuses = Set(parts.map(\.status))
        let status: CacheStatus =
            statuses.contains(.miss)
            ? .miss : statuses.contains(.revalidated) ? .revalidated : statuses.contains(.stale) ? .stale : .hit
        let oldest = parts.min { $0.fetchedAt < $1.fetchedAt }
        return WeatherResult(
            value: value, cacheStatus: status, fetchedAt: oldest?.fetchedAt ?? .distantPast,
            age: parts.map(\.age).max() ?? .zero, key: key, freshUntil: parts.map(\.freshUntil).min())
    }
}
