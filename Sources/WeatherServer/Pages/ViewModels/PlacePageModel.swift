import WeatherServerCore

/// The place page: one place in depth.
struct PlacePageModel: Sendable {
    /// Title, search, units switch.
    var chrome: PageChrome
    /// `Zürich, CH`.
    var name: String
    /// `47.3667, 8.55`.
    var coordinates: String
    /// The overview with this place added as a card.
    var overviewHref: String
    /// The government alerts in force (One Call), for the banner at the top; empty when none.
    var alerts: [AlertBanner]
    /// Whether ``alerts`` is not empty (stored: templates read properties through `Mirror`).
    var hasAlerts: Bool
    /// Why the alerts could not be looked up.
    var alertsProblem: String?
    /// The next hour's precipitation by minute (One Call), when known.
    var minutes: MinuteSection?
    /// Why the minute forecast is missing.
    var minutesProblem: String?
    /// 48 hours at 15-minute steps: only when the key has One Call 4.0 (absent, not a problem, on 3.0).
    var quarterHours: QuarterHourSection?
    /// Why the 15-minute forecast is missing (never said for a One Call 3.0 key).
    var quarterHoursProblem: String?
    /// Current conditions, when the lookup succeeded.
    var current: CurrentConditions?
    /// Why current conditions are missing.
    var currentProblem: String?
    /// The 5-day chart.
    var chart: SafeMarkup
    /// `UTC+1`: the zone the chart and table are drawn in.
    var offset: String
    /// The per-day table.
    var days: [DayRow]
    /// `forecast updated 5 min ago`.
    var forecastUpdated: String
    /// The air-quality forecast, when known.
    var air: AirQualitySection?
    /// Why the air-quality forecast is missing.
    var airProblem: String?
    /// Other places of the same name, from geocoding.
    var alternatives: [PlaceLink]
    /// Whether ``alternatives`` is not empty (stored: templates read properties through `Mirror`).
    var hasAlternatives: Bool
}

/// One row of the per-day table, in the place's local time.
struct DayRow: Sendable {
    /// `Tue 3 Dec`.
    var day: String
    /// The condition around midday.
    var icon: SafeMarkup
    /// Its text.
    var condition: String
    /// The lowest and highest temperature of the day's steps.
    var low: String
    var high: String
    /// Rain and snow in all: `2.4 mm`.
    var precipitation: String
    /// The highest chance of precipitation: `60 %`.
    var chance: String
    /// The strongest mean wind: `7.2 m/s`.
    var wind: String
}

/// The air-quality forecast: the strip and its legend.
struct AirQualitySection: Sendable {
    /// The coloured strip.
    var strip: SafeMarkup
    /// The five bands, for the legend.
    var legend: [AirBadge]
}

/// A link to a place page.
struct PlaceLink: Sendable, Equatable {
    /// `Springfield, IL, US`.
    var label: String
    /// The place page.
    var href: String
}

/// One government alert, for the banner at the top of the place page.
struct AlertBanner: Sendable, Equatable {
    /// The event, else its first tag: `Extreme high temperature`.
    var event: String
    /// Who issued it.
    var sender: String
    /// `Mon 7 Dec 11:00 – 19:00` (or `… – Tue 8 Dec 07:00`), in the place's local time.
    var period: String
    /// Start and end, ISO 8601 in local time (for `<time datetime>`).
    var startISO: String
    var endISO: String
    /// The description in the page's language when OpenWeather has it, else English, else the first.
    var description: String
    /// The description's language (BCP 47, for `lang`), when known.
    var descriptionLanguage: String?
}

/// The next hour's precipitation: the minute chart, or the sentence that none is expected.
struct MinuteSection: Sendable {
    /// The bar chart, when some minute is wet.
    var chart: SafeMarkup?
    /// `No precipitation expected in the next hour.` when every minute is dry.
    var dry: String?
    /// `From 06:20 to 07:20 (UTC+1)`.
    var caption: String
}

/// The next 48 hours at 15-minute steps (One Call 4.0).
struct QuarterHourSection: Sendable {
    /// Temperature, chance and amount of precipitation, wind.
    var chart: SafeMarkup
    /// `192 steps from Mon 7 Dec 06:30, local time (UTC+1)`.
    var caption: String
}
