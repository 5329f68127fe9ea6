/// A unit a ``Temperature`` can be read or written in.
public enum TemperatureUnit: String, Sendable, Hashable, CaseIterable {
    /// Kelvin, OpenWeather's `standard` unit.
    case kelvin
    /// Degrees Celsius, OpenWeather's `metric` unit.
    case celsius
    /// Degrees Fahrenheit, OpenWeather's `imperial` unit.
    case fahrenheit

    /// The symbol shown after a value: `K`, `°C` or `°F`.
    public var symbol: String {
        switch self {
        case .kelvin: "K"
        case .celsius: "°C"
        case .fahrenheit: "°F"
        }
    }
}
