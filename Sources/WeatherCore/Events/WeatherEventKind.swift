/// The kinds of weather event a place can be subscribed to, named as the API names them (`type`).
public enum WeatherEventKind: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// A government alert starts, changes or ends for the place (`alert`).
    case alert
    /// Precipitation of at least a rate is expected within a window, or stops being expected (`precipitation`).
    case precipitation
    /// The temperature is expected below or above a threshold within a window (`temperature`).
    case temperature
    /// OpenWeather's air quality index reaches at least a level (`air_quality`).
    case airQuality = "air_quality"

    /// The API name: `alert`, `precipitation`, `temperature` or `air_quality`.
    public var description: String { rawValue }
}

/// Which way a condition moved: what a ``WeatherEvent`` reports.
public enum WeatherEventEdge: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// The condition became true, or an alert appeared.
    case started
    /// An alert still in force changed its content (times, text, tags).
    case changed
    /// The condition became false, or an alert was withdrawn or its end time passed.
    case ended

    /// The API name: `started`, `changed` or `ended`.
    public var description: String { rawValue }
}
