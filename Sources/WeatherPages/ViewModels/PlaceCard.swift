
/// One card of the overview: a place's current weather at a glance, or why it could not be shown.
package struct PlaceCard: Sendable {
    /// An id unique on the page, for `aria-labelledby`.
    package var id: String
    /// `Zürich, CH`.
    package var name: String
    /// The place page, in the same units and language.
    package var href: String
    /// The weather, when the lookup succeeded.
    package var weather: CurrentConditions?
    /// What went wrong, when it did not.
    package var problem: String?

    /// Creates the value from each of its parts.
    package init(id: String, name: String, href: String, weather: CurrentConditions? = nil, problem: String? = nil) {
        self.id = id
        self.name = name
        self.href = href
        self.weather = weather
        self.problem = problem
    }
}

/// Current conditions at a place, formatted for people in the page's units and the place's local time.
package struct CurrentConditions: Sendable {
    /// `Tue 14:05`, the place's local time now.
    package var localTime: String
    /// The same, ISO 8601 with the offset, for `<time datetime>`.
    package var localTimeISO: String
    /// `UTC+1`.
    package var offset: String
    /// `light rain`, in the requested language.
    package var condition: String
    /// The condition icon.
    package var icon: SafeMarkup
    /// `12 °C`.
    package var temperature: String
    /// `10 °C`.
    package var feelsLike: String
    /// `5.2 m/s WSW`.
    package var wind: String
    /// The compass arrow.
    package var windArrow: SafeMarkup
    /// `Beaufort 3, gentle breeze`.
    package var beaufort: String
    /// `81 %`.
    package var humidity: String
    /// `1013 hPa`.
    package var pressure: String
    /// The air quality index now, when known.
    package var air: AirBadge?
    /// `07:42` local time; `nil` in polar day or night.
    package var sunrise: String?
    /// `16:31` local time.
    package var sunset: String?
    /// `updated 3 min ago`.
    package var updated: String
}

/// OpenWeather's air quality index as a badge in its colour band.
package struct AirBadge: Sendable, Equatable {
    /// 1–5.
    package var index: Int
    /// `Fair`.
    package var name: String
    /// `aqi-2`: the stylesheet's colour band.
    package var cssClass: String
}
