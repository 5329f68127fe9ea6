import Foundation

extension Temperature {
    /// The warmest air the wind chill formula is defined for: 50 °F.
    static let windChillMaximum = Temperature(fahrenheit: 50)
    /// The wind chill formula is defined only for wind faster than this: 3 mph.
    static let windChillMinimumWind = Speed(3, unit: .milesPerHour)

    /// The wind chill at this air temperature and `windSpeed`, by the NWS/MSC formula of 2001:
    /// WC = 35.74 + 0.6215·T − 35.75·V^0.16 + 0.4275·T·V^0.16, with T in °F and V in mph.
    ///
    /// The formula is defined only for air at or below 50 °F (10 °C) with wind above 3 mph
    /// (1.34 m/s); outside that range there is no wind chill and this returns `nil` (use the air
    /// temperature, or ``heatIndex(relativeHumidity:)`` in the heat).
    public func windChill(windSpeed: Speed) -> Temperature? {
        // Compare in the stored units, so 50 °F and 3 mph given in those units sit exactly on the limits.
        guard kelvin <= Self.windChillMaximum.kelvin, windSpeed > Self.windChillMinimumWind,
            kelvin.isFinite, windSpeed.metersPerSecond.isFinite
        else { return nil }
        let t = fahrenheit
        let v = windSpeed.milesPerHour
        let factor = pow(v, 0.16)
        return Temperature(fahrenheit: 35.74 + 0.6215 * t - 35.75 * factor + 0.4275 * t * factor)
    }
}
