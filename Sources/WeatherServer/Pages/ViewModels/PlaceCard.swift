import WeatherServerCore

/// One card of the overview: a place's current weather at a glance, or why it could not be shown.
struct PlaceCard: Sendable {
    /// An id unique on the page, for `aria-labelledby`.
    var id: String
    /// `Zürich, CH`.
    var name: String
    /// The place page, in the same units and language.
    var href: String
    /// The weather, when the lookup succeeded.
    var weather: CurrentConditions?
    /// What went wrong, when it did not.
    var problem: String?
}

/// Current conditions at a place, formatted for people in the page's units and the place's local time.
struct CurrentConditions: Sendable {
    /// `Tue 14:05`, the place's local time now.
    var localTime: String
    /// The same, ISO 8601 with the offset, for `<time datetime>`.
    var localTimeISO: String
    /// `UTC+1`.
    var offset: String
    /// `light rain`, in the requested language.
    var condition: String
    /// The condition icon.
    var icon: SafeMarkup
    /// `12 °C`.
    var temperature: String
    /// `10 °C`.
    var feelsLike: String
    /// `5.2 m/s WSW`.
    var wind: String
    /// The compass arrow.
    var windArrow: SafeMarkup
    /// `Beaufort 3, gentle breeze`.
    var beaufort: String
    /// `81 %`.
    var humidity: String
    /// `1013 hPa`.
    var pressure: String
    /// The air quality index now, when known.
    var air: AirBadge?
    /// `07:42` local time; `nil` in polar day or night.
    var sunrise: String?
    /// `16:31` local time.
    var sunset: String?
    /// `updated 3 min ago`.
    var updated: String
}

/// OpenWeather's air quality index as a badge in its colour band.
struct AirBadge: Sendable, Equatable {
    /// 1–5.
    var index: Int
    /// `Fair`.
    var name: String
    /// `aqi-2`: the stylesheet's colour band.
    var cssClass: String
}
