import Foundation

@testable import WeatherCore

// The meaning WeatherCore gives OpenWeather's fields, written once more from the documentation:
// Unix seconds are instants, a sunrise/sunset of 0 means "none", quantities carry their unit.

extension Coordinates {
    init(reference: ReferenceCoordinates) {
        self.init(uncheckedLatitude: reference.lat, longitude: reference.lon)
    }
}

extension WeatherCondition {
    init(reference: ReferenceCondition) {
        self.init(id: reference.id, main: reference.main, description: reference.description, icon: reference.icon)
    }
}

extension Wind {
    init(reference: ReferenceWind) {
        self.init(
            speed: Speed(metersPerSecond: reference.speed), direction: Direction(degrees: reference.deg),
            gust: reference.gust.map { Speed(metersPerSecond: $0) })
    }
}

extension PrecipitationVolume {
    init(reference: ReferencePrecipitationVolume) {
        self.init(
            lastHour: reference.lastHour.map { Precipitation(millimeters: $0) },
            lastThreeHours: reference.lastThreeHours.map { Precipitation(millimeters: $0) })
    }
}

extension Date {
    /// Unix seconds.
    init(unixSeconds: Int) {
        self.init(timeIntervalSince1970: TimeInterval(unixSeconds))
    }

    /// Unix seconds, where 0 or nothing means there is none (sunrise in polar night).
    static func unlessZero(_ unixSeconds: Int?) -> Date? {
        guard let unixSeconds, unixSeconds != 0 else { return nil }
        return Date(unixSeconds: unixSeconds)
    }
}
