import Foundation
import Hummingbird
import WeatherCore
import WeatherServerCore
import WeatherPages

/// `GET /place?city=…` (or `lat`+`lon`, `zip`, `id`, or the search box's `q`): one place in depth.
///
/// The place is resolved first (geocoding, cached); an unknown place gets the friendly page with
/// suggestions (404). Then current weather, the forecast and the air-quality forecast are looked
/// up at once, with One Call's alerts, next hour by minute and (on a One Call 4.0 key) 48 hours at
/// 15-minute steps for the resolved place (through the cached client: a repeat view within their
/// freshness costs no One Call budget). Only a failed forecast fails the page; any other missing
/// part is said in its section.
struct PlacePageResponder: Sendable {
    let dependencies: ServiceDependencies

    func respond(to request: Request, context: ServiceRequestContext) async -> Response {
        let query: PageQuery
        switch PageErrors.query(of: request) {
        case .success(let parsed): query = parsed
        case .failure(let problem):
            return PageErrors.page(problem, path: "/place", query: PageQuery(), dependencies: dependencies)
        }
        guard let place = query.place else {
            return PageErrors.page(
                .unprocessableParameter(
                    "q",
                    "Say which place: type a city (Zürich, London,GB) or coordinates (47.37,8.54) in the search box."),
                path: "/place", query: query, dependencies: dependencies)
        }
        // Every upstream call the page makes is charged to the client (UpstreamCharge): a tracked
        // place answered from the tracker's warm cache costs nothing.
        let client = dependencies.client
        let resolved: ResolvedPlace
        do {
            resolved = try await client.resolve(place)
        } catch let error as WeatherError {
            return await failed(error, place: place, query: query)
        } catch {
            return PageErrors.page(PageErrors.cancelled, path: "/place", query: query, dependencies: dependencies)
        }
        let language = query.language
        async let forecastLookup = client.forecast(for: place, language: language)
        let point = resolved.coordinates
        async let currentLookup = Self.outcome { try await client.current(for: place, language: language) }
        async let airForecastLookup = Self.outcome { try await client.airPollutionForecast(for: point) }
        async let airNowLookup = Self.outcome { try await client.airPollution(for: point) }
        // One Call's parts, keyed so that a repeat view within their freshness is a cache hit: the
        // minutes from One Call itself (3.0's document or 4.0's first minute page, neither keyed by
        // the time), the quarter hours from 4.0's current page and the pages its links name.
        let now = dependencies.clock.now
        async let alertsLookup = Self.outcome { try await client.alerts(for: point, language: language) }
        async let minutesLookup = Self.attempt {
            try await client.oneCall(for: point, exclude: [.current, .hourly, .daily, .alerts], language: language)
                .value.minutely.filter { $0.time >= TimelineStep.minute.alignedDown(now) }
        }
        async let quarterHoursLookup = Self.quarterHours(client: client, point: point, now: now, language: language)
        async let namesakes = PlaceSuggestions(client: client).namesakes(
            of: place, chosen: resolved.coordinates, query: query)
        let forecast: WeatherResult<Forecast>
        do {
            forecast = try await forecastLookup
        } catch let error as WeatherError {
            return await failed(error, place: place, query: query)
        } catch {
            return PageErrors.page(PageErrors.cancelled, path: "/place", query: query, dependencies: dependencies)
        }
        let current = await currentLookup
        let airForecast = await airForecastLookup
        let airNow = await airNowLookup
        let name = Self.name(of: place, resolved: resolved, city: forecast.value.city)
        let builder = PlacePageBuilder(
            name: name, place: place, resolved: resolved, query: query, now: dependencies.clock.now,
            isDemo: dependencies.mode == .demo)
        let oneCall = PlaceOneCallLookups(
            alerts: await alertsLookup, minutes: await minutesLookup, quarterHours: await quarterHoursLookup)
        var model = builder.model(
            forecast: forecast, current: current, airForecast: airForecast, airNow: airNow,
            alternatives: await namesakes, oneCall: oneCall)
        // Read after the lookups, so the line counts the calls this page made.
        model.chrome.budgetLine = await BudgetLine.load(client)
        return PageResponse.html(PageTemplates.render("place", model))
    }

    /// A not-found place gets the suggestions page; anything else the error page.
    private func failed(_ error: WeatherError, place: Place, query: PageQuery) async -> Response {
        guard error.code == .notFound else {
            return PageErrors.page(error, path: "/place", query: query, dependencies: dependencies)
        }
        let suggestions = await PlaceSuggestions(client: dependencies.client).suggestions(for: place, query: query)
        var model = UnknownPlacePageModel(
            chrome: PageChrome(
                title: "Unknown place · Weather Tracker", path: "/place", place: place, query: query,
                isDemo: dependencies.mode == .demo),
            asked: PageQuery.searchText(for: place), suggestions: suggestions,
            tracked: dependencies.trackedPlaces.map {
                PlaceLink(label: $0.displayText, href: query.link("/place", place: $0))
            })
        model.chrome.budgetLine = await BudgetLine.load(dependencies.client)
        return PageResponse.html(PageTemplates.render("unknownPlace", model), status: .notFound)
    }

    /// The page's heading: the geocoded name, or for coordinates the forecast's city near them.
    static func name(of place: Place, resolved: ResolvedPlace, city: ForecastCity) -> String {
        guard case .coordinates = place else { return resolved.name }
        return city.name.isEmpty ? resolved.name : ResolvedPlace.joinedName(city.name, city.country)
    }

    /// The next 48 hours at 15-minute steps from One Call 4.0, or `nil` when the key has One Call 3.0
    /// (which has no 15-minute steps: the section is left out, it is not a failure) or no One Call.
    ///
    /// The first page is asked for without a start (OpenWeather begins at the current quarter
    /// hour), so its cache key does not change with the time; the next pages start where its links
    /// say, so they are cache hits too while it is fresh. At most ``quarterHourPages`` pages.
    static func quarterHours(client: WeatherClient, point: Coordinates, now: Date, language: String?) async
        -> Result<[HourlyForecast], PageLookupFailure>?
    {
        // Known to be 3.0: not even a probe.
        if client.oneCallAPI == .v3 { return nil }
        let step = TimelineStep.quarterHour
        let first = step.alignedDown(now)
        let end = first.addingTimeInterval(48 * 3600)
        do {
            var page = try await client.timelinePage(
                for: point, step: step, language: language, as: HourlyForecast.self)
            var records = page.value.records
            var pages = 1
            while pages < quarterHourPages, let next = page.value.nextStart, next < end,
                page.value.records.count >= step.recordsPerPage,
                step.span(now: now).contains(step.alignedDown(next))
            {
                page = try await client.timelinePage(
                    for: point, step: step, start: next, language: language, as: HourlyForecast.self)
                records += page.value.records
                pages += 1
            }
            var seen = Set<Date>()
            let kept = records.filter { $0.time >= first && $0.time < end && seen.insert($0.time).inserted }
            return .success(kept.sorted { $0.time < $1.time })
        } catch let error as WeatherError where error.code == .subscriptionRequired {
            // A 3.0 key (or none): the 15-minute section is simply not offered; the other One Call
            // sections say when there is no One Call at all.
            return nil
        } catch {
            return failure(error)
        }
    }

    /// The most pages the 15-minute section walks: 4 cover 48 hours (50 + 50 + 50 + 42).
    static let quarterHourPages = 4

    /// A lookup's value (any answer, not only a ``WeatherResult``), or the sentence that says why it failed.
    static func attempt<Value: Sendable>(
        _ lookup: @Sendable () async throws -> Value
    ) async -> Result<Value, PageLookupFailure> {
        do {
            return .success(try await lookup())
        } catch {
            return failure(error)
        }
    }

    /// The sentence that says why a lookup failed.
    static func failure<Value>(_ error: any Error) -> Result<Value, PageLookupFailure> {
        if let error = error as? WeatherError {
            let problem = Problem(error)
            return .failure(PageLookupFailure(text: "\(problem.title): \(problem.detail)"))
        }
        return .failure(PageLookupFailure(text: "The lookup was cancelled."))
    }

    /// A lookup's value, or the sentence that says why it failed.
    static func outcome<Model: Sendable>(
        _ lookup: @Sendable () async throws -> WeatherResult<Model>
    ) async -> Result<WeatherResult<Model>, PageLookupFailure> {
        do {
            return .success(try await lookup())
        } catch let error as WeatherError {
            let problem = Problem(error)
            return .failure(PageLookupFailure(text: "\(problem.title): \(problem.detail)"))
        } catch {
            return .failure(PageLookupFailure(text: "The lookup was cancelled."))
        }
    }
}
