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
