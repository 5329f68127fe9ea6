
/// The place page: one place in depth.
package struct PlacePageModel: Sendable {
    /// Title, search, units switch.
    package var chrome: PageChrome
    /// `Zürich, CH`.
    package var name: String
    /// `47.3667, 8.55`.
    package var coordinates: String
    /// The overview with this place added as a card.
    package var overviewHref: String
    /// The government alerts in force (One Call), for the banner at the top; empty when none.
    package var alerts: [AlertBanner]
    /// Whether ``alerts`` is not empty (stored: templates read properties through `Mirror`).
    package var hasAlerts: Bool
    /// Why the alerts could not be looked up.
    package var alertsProblem: String?
    /// The next hour's precipitation by minute (One Call), when known.
    package var minutes: MinuteSection?
    /// Why the minute forecast is missing.
    package var minutesProblem: String?
    /// 48 hours at 15-minute steps: only when the key has One Call 4.0 (absent, not a problem, on 3.0).
    package var quarterHours: QuarterHourSection?
    /// Why the 15-minute forecast is missing (never said for a One Call 3.0 key).
    package var quarterHoursProblem: String?
    /// Current conditions, when the lookup succeeded.
    package var current: CurrentConditions?
    /// Why current conditions are missing.
    package var currentProblem: String?
    /// The 5-day chart.
    package var chart: SafeMarkup
    /// `UTC+1`: the zone the chart and table are drawn in.
    package var offset: String
    /// The per-day table.
    package var days: [DayRow]
    /// `forecast updated 5 min ago`.
    package var forecastUpdated: String
    /// The air-quality forecast, when known.
    package var air: AirQualitySection?
    /// Why the air-quality forecast is missing.
    package var airProblem: String?
    /// Other places of the same name, from geocoding.
    package var alternatives: [PlaceLink]
    /// Whether ``alternatives`` is not empty (stored: templates read properties through `Mirror`).
    package var hasAlternatives: Bool
}

/// One row of the per-day table, in the place's local time.
package struct DayRow: Sendable {
    /// `Tue 3 Dec`.
    package var day: String
    /// The condition around midday.
    package var icon: SafeMarkup
    /// Its text.
    package var condition: String
    /// The lowest and highest temperature of the day's steps.
    package var low: String
    package var high: String
    /// Rain and snow in all: `2.4 mm`.
    package var precipitation: String
    /// The highest chance of precipitation: `60 %`.
    package var chance: String
    /// The strongest mean wind: `7.2 m/s`.
    package var wind: String
}

/// The air-quality forecast: the strip and its legend.
package struct AirQualitySection: Sendable {
    /// The coloured strip.
    package var strip: SafeMarkup
    /// The five bands, for the legend.
    package var legend: [AirBadge]
}

/// A link to a place page.
package struct PlaceLink: Sendable, Equatable {
    /// `Springfield, IL, US`.
    package var label: String
    /// The place page.
    package var href: String

    /// Creates the value from each of its parts.
    package init(label: String, href: String) {
        self.label = label
        self.href = href
    }
}

/// One government alert, for the banner at the top of the place page.
package struct AlertBanner: Sendable, Equatable {
    /// The event, else its first tag: `Extreme high temperature`.
    package var event: String
    /// Who issued it.
    package var sender: String
    /// `Mon 7 Dec 11:00 – 19:00` (or `… – Tue 8 Dec 07:00`), in the place's local time.
    package var period: String
    /// Start and end, ISO 8601 in local time (for `<time datetime>`).
    package var startISO: String
    package var endISO: String
    /// The description in the page's language when OpenWeather has it, else English, else the first.
    package var description: String
    /// The description's language (BCP 47, for `lang`), when known.
    package var descriptionLanguage: String?
}

/// The next hour's precipitation: the minute chart, or the sentence that none is expected.
package struct MinuteSection: Sendable {
    /// The bar chart, when some minute is wet.
    package var chart: SafeMarkup?
    /// `No precipitation expected in the next hour.` when every minute is dry.
    package var dry: String?
    /// `From 06:20 to 07:20 (UTC+1)`.
    package var caption: String
}

/// The next 48 hours at 15-minute steps (One Call 4.0).
package struct QuarterHourSection: Sendable {
    /// Temperature, chance and amount of precipitation, wind.
    package var chart: SafeMarkup
    /// `192 steps from Mon 7 Dec 06:30, local time (UTC+1)`.
    package var caption: String
}
