/// A unit a ``Speed`` can be read or written in.
public enum SpeedUnit: String, Sendable, Hashable, CaseIterable {
    /// Metres per second, OpenWeather's `standard` and `metric` unit.
    case metersPerSecond
    /// Kilometres per hour.
    case kilometersPerHour
    /// Statute miles per hour, OpenWeather's `imperial` unit.
    case milesPerHour
    /// Knots (nautical miles per hour).
    case knots

    /// The symbol shown after a value: `m/s`, `km/h`, `mph` or `kn`.
    public var symbol: String {
        switch self {
        case .metersPerSecond: "m/s"
        case .kilometersPerHour: "km/h"
        case .milesPerHour: "mph"
        case .knots: "kn"
        }
    }

    /// Metres per second in one of this unit (exact by definition: 1 mi = 1609.344 m, 1 NM = 1852 m).
    @inlinable
    public var metersPerSecondPerUnit: Double {
        switch self {
        case .metersPerSecond: 1
        case .kilometersPerHour: 1000.0 / 3600.0
        case .milesPerHour: 1609.344 / 3600.0
        case .knots: 1852.0 / 3600.0
        }
    }
}
