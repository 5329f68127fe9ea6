public import Foundation

/// Precipitation expected over a stretch of time: one record of a minute, 15-minute or hourly series.
public struct PrecipitationSample: Sendable, Hashable, Codable {
    /// When the stretch begins (the record's `dt`).
    public var start: Date
    /// When it ends: `start` plus the series' step.
    public var end: Date
    /// The intensity, in mm/h (rain and snow together, as water).
    public var millimetersPerHour: Double

    /// Creates a sample.
    public init(start: Date, end: Date, millimetersPerHour: Double) {
        self.start = start
        self.end = end
        self.millimetersPerHour = millimetersPerHour
    }

    /// The rate as written in events and the API: `mm_per_hour`, whatever the encoder's key strategy.
    private enum CodingKeys: String, CodingKey {
        case start, end
        case millimetersPerHour = "mm_per_hour"
    }
}

/// The temperature expected over a stretch of time: one record of an hourly or 15-minute series.
public struct TemperatureSample: Sendable, Hashable, Codable {
    /// When the stretch begins (the record's `dt`).
    public var start: Date
    /// When it ends: `start` plus the series' step.
    public var end: Date
    /// The air temperature.
    public var temperature: Temperature

    /// Creates a sample.
    public init(start: Date, end: Date, temperature: Temperature) {
        self.start = start
        self.end = end
        self.temperature = temperature
    }
}

/// OpenWeather's air quality index at one instant.
public struct AirQualitySample: Sendable, Hashable, Codable {
    /// The instant of the reading (`dt`).
    public var time: Date
    /// The index, 1 (good) to 5 (very poor).
    public var index: AirQualityIndex

    /// Creates a sample.
    public init(time: Date, index: AirQualityIndex) {
        self.time = time
        self.index = index
    }

    /// The reading of `airPollution` that holds at `instant`: the latest one not after it, else the
    /// first; `nil` when there is none or its index is outside 1…5 (unknown, not "good").
    public init?(_ airPollution: AirPollution, at instant: Date? = nil) {
        let readings = airPollution.readings
        let chosen: AirQualityReading?
        if let instant {
            chosen = readings.last { $0.time <= instant } ?? readings.first
        } else {
            chosen = readings.first
        }
        guard let chosen, let index = AirQualityIndex(index: chosen.airQualityIndex) else { return nil }
        self.init(time: chosen.time, index: index)
    }
}

/// Written as OpenWeather's number, 1…5.
extension AirQualityIndex: Codable {}
