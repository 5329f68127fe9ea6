/// What a subscriber wants to hear about for a place: one condition, checked when it is made, so
/// a rule that exists is a rule that can be evaluated.
///
/// Its JSON is the API's, snake_case whatever the encoder's key strategy:
/// `{"type":"precipitation","mm_per_hour":0.5,"minutes":60}`, `{"type":"temperature","below":-5,"hours":12}`,
/// `{"type":"air_quality","index":4}`, `{"type":"alert"}`. Decoding checks it as ``init(_:)`` does and
/// throws ``WeatherError`` ``WeatherError/Code/invalidRequest`` saying what to change.
///
/// ```swift
/// let rain = try WeatherEventRule.precipitation(mmPerHour: 0.5, minutes: 60)
/// let frost = try WeatherEventRule.temperature(below: -5, hours: 12)
/// ```
public struct WeatherEventRule: Sendable, Hashable, CustomStringConvertible {
    /// The condition a rule watches.
    public enum Condition: Sendable, Hashable {
        /// Any government alert for the place.
        case alert
        /// Precipitation of at least `mmPerHour` expected to begin within `minutes`.
        case precipitation(mmPerHour: Double, minutes: Int)
        /// The temperature expected past `bound` within `hours`.
        case temperature(TemperatureBound, hours: Int)
        /// OpenWeather's air quality index at `atLeast` or worse.
        case airQuality(atLeast: AirQualityIndex)
    }

    /// Which side of a temperature threshold counts, in degrees Celsius (the API's unit).
    public enum TemperatureBound: Sendable, Hashable {
        /// Strictly colder than the threshold (`below`).
        case below(celsius: Double)
        /// Strictly warmer than the threshold (`above`).
        case above(celsius: Double)

        /// The threshold.
        public var threshold: Temperature {
            switch self {
            case .below(let celsius), .above(let celsius): Temperature(celsius: celsius)
            }
        }
    }

    /// The rates a precipitation rule accepts, in mm/h: above 0 and at most this.
    public static let maximumMillimetersPerHour = 500.0
    /// The windows a precipitation rule accepts, in minutes: a day at most (the 15-minute and
    /// hourly series reach 48 hours, the minute series one).
    public static let minutesRange = 1...1440
    /// The windows a temperature rule accepts, in hours: as far as the hourly forecast reaches.
    public static let hoursRange = 1...48
    /// The thresholds a temperature rule accepts, in °C: beyond Earth's records on both sides.
    public static let celsiusRange = -100.0...70.0

    /// The condition watched.
    public let condition: Condition

    /// Creates a rule, checking its values.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` when a value is out of range
    ///   (see ``minutesRange``, ``hoursRange``, ``celsiusRange``, ``maximumMillimetersPerHour``) or
    ///   not a finite number; the message names the field and the range.
    public init(_ condition: Condition) throws(WeatherError) {
        switch condition {
        case .alert, .airQuality:
            break
        case .precipitation(let rate, let minutes):
            guard rate.isFinite, rate > 0, rate <= Self.maximumMillimetersPerHour else {
                throw .invalidRequest(
                    "mm_per_hour \(rate) is out of range: use a rate above 0 and at most "
                        + "\(Int(Self.maximumMillimetersPerHour)) mm/h, e.g. 0.5 for light rain.")
            }
            guard Self.minutesRange.contains(minutes) else {
                throw .invalidRequest(
                    "minutes \(minutes) is out of range: use a window from \(Self.minutesRange.lowerBound) to "
                        + "\(Self.minutesRange.upperBound) minutes.")
            }
        case .temperature(let bound, let hours):
            let (name, celsius) =
                switch bound {
                case .below(let celsius): ("below", celsius)
                case .above(let celsius): ("above", celsius)
                }
            guard celsius.isFinite, Self.celsiusRange.contains(celsius) else {
                throw .invalidRequest(
                    "\(name) \(celsius) is out of range: give a temperature in °C from "
                        + "\(Int(Self.celsiusRange.lowerBound)) to \(Int(Self.celsiusRange.upperBound)).")
            }
            guard Self.hoursRange.contains(hours) else {
                throw .invalidRequest(
                    "hours \(hours) is out of range: use a window from \(Self.hoursRange.lowerBound) to "
                        + "\(Self.hoursRange.upperBound) hours (the hourly forecast reaches 48 hours).")
            }
        }
        self.condition = condition
    }

    /// A rule for any government alert for the place.
    public static let alert = WeatherEventRule(checked: .alert)

    /// A rule for precipitation of at least `mmPerHour` expected within `minutes`.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for a rate or window out of range.
    public static func precipitation(mmPerHour: Double, minutes: Int) throws(WeatherError) -> WeatherEventRule {
        try WeatherEventRule(.precipitation(mmPerHour: mmPerHour, minutes: minutes))
    }

    /// A rule for a temperature strictly below `celsius` expected within `hours`.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for a threshold or window out of range.
    public static func temperature(below celsius: Double, hours: Int) throws(WeatherError) -> WeatherEventRule {
        try WeatherEventRule(.temperature(.below(celsius: celsius), hours: hours))
    }

    /// A rule for a temperature strictly above `celsius` expected within `hours`.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for a threshold or window out of range.
    public static func temperature(above celsius: Double, hours: Int) throws(WeatherError) -> WeatherEventRule {
        try WeatherEventRule(.temperature(.above(celsius: celsius), hours: hours))
    }

    /// A rule for OpenWeather's air quality index at `index` or worse.
    public static func airQuality(atLeast index: AirQualityIndex) -> WeatherEventRule {
        WeatherEventRule(checked: .airQuality(atLeast: index))
    }

    /// A condition that needs no check.
    private init(checked condition: Condition) {
        self.condition = condition
    }

    /// The kind of event the rule produces.
    public var kind: WeatherEventKind {
        switch condition {
        case .alert: .alert
        case .precipitation: .precipitation
        case .temperature: .temperature
        case .airQuality: .airQuality
        }
    }

    /// The rule as one line of text that is the same on every replica and in every locale, e.g.
    /// `precipitation mm_per_hour=0.5 minutes=60`: part of every event id.
    public var key: String {
        switch condition {
        case .alert:
            "alert"
        case .precipitation(let rate, let minutes):
            "precipitation mm_per_hour=\(rate) minutes=\(minutes)"
        case .temperature(.below(let celsius), let hours):
            "temperature below=\(celsius) hours=\(hours)"
        case .temperature(.above(let celsius), let hours):
            "temperature above=\(celsius) hours=\(hours)"
        case .airQuality(let index):
            "air_quality index=\(index.index)"
        }
    }

    /// ``key``.
    public var description: String { key }
}
