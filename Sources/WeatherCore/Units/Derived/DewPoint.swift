import Foundation

extension Temperature {
    /// The Magnus coefficients of Alduchov and Eskridge (1996), "Improved Magnus form approximation of
    /// saturation vapor pressure", J. Appl. Meteor. 35: a = 17.625 (dimensionless), b = 243.04 °C.
    ///
    /// Over water they keep the dew point within 0.35 °C of the exact value for air between −40 °C
    /// and 50 °C, which covers every surface observation OpenWeather reports.
    public static let magnusCoefficients: (a: Double, b: Double) = (17.625, 243.04)

    /// The dew point of air at this temperature and `relativeHumidity`, by the Magnus formula.
    ///
    /// γ = ln(RH/100) + a·T/(b + T), dew point = b·γ/(a − γ), with T in °C and the coefficients in
    /// ``magnusCoefficients``.
    ///
    /// - Parameter relativeHumidity: percent, 0–100, as OpenWeather's `humidity`. Values above 100
    ///   (supersaturation in a sensor's noise) are treated as 100.
    /// - Returns: `nil` when the humidity is zero, negative or not a number: air with no water
    ///   vapour has no dew point.
    public func dewPoint(relativeHumidity: Double) -> Temperature? {
        guard relativeHumidity > 0, relativeHumidity.isFinite, kelvin.isFinite else { return nil }
        let (a, b) = Self.magnusCoefficients
        let t = celsius
        let gamma = log(min(relativeHumidity, 100) / 100) + a * t / (b + t)
        return Temperature(celsius: b * gamma / (a - gamma))
    }
}
