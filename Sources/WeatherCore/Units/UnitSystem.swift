/// A set of units to present a model in, with OpenWeather's meaning of its `units` parameter.
///
/// | system     | temperature | wind speed |
/// |------------|-------------|------------|
/// | `standard` | K           | m/s        |
/// | `metric`   | °C          | m/s        |
/// | `imperial` | °F          | mph        |
///
/// As in OpenWeather's responses, pressure (hPa), visibility (m) and precipitation (mm) are the same
/// in every system, so a response rendered locally in `imperial` matches what OpenWeather would
/// have sent for `units=imperial`. Upstream is always asked in `standard`; conversion is ours.
public enum UnitSystem: String, Sendable, Hashable, CaseIterable {
    /// Kelvin and metres per second: what OpenWeather sends when no `units` is given.
    case standard
    /// Degrees Celsius and metres per second.
    case metric
    /// Degrees Fahrenheit and miles per hour.
    case imperial

    /// Parses OpenWeather's parameter value (`standard`, `metric`, `imperial`), ignoring case and
    /// surrounding spaces. Returns `nil` for anything else.
    public init?(parameter: String) {
        self.init(rawValue: parameter.trimmingWhitespace().lowercased())
    }

    /// The unit temperatures (`temp`, `feels_like`, `dew_point`, …) are given in.
    public var temperature: TemperatureUnit {
        switch self {
        case .standard: .kelvin
        case .metric: .celsius
        case .imperial: .fahrenheit
        }
    }

    /// The unit wind speeds and gusts are given in.
    public var speed: SpeedUnit {
        switch self {
        case .standard, .metric: .metersPerSecond
        case .imperial: .milesPerHour
        }
    }

    /// The unit pressures are given in: hPa in every system, as OpenWeather does.
    public var pressure: PressureUnit { .hectopascals }

    /// The unit visibility is given in: metres in every system, as OpenWeather does.
    public var distance: DistanceUnit { .meters }

    /// The unit rain and snow are given in: millimetres in every system, as OpenWeather does.
    public var precipitation: PrecipitationUnit { .millimeters }
}
