/// A unit a ``Pressure`` can be read or written in.
public enum PressureUnit: String, Sendable, Hashable, CaseIterable {
    /// Hectopascals (= millibars), the unit OpenWeather sends in every unit system.
    case hectopascals
    /// Kilopascals.
    case kilopascals
    /// Inches of mercury (at 0 °C), used by US reports.
    case inchesOfMercury
    /// Millimetres of mercury (at 0 °C).
    case millimetersOfMercury

    /// The symbol shown after a value: `hPa`, `kPa`, `inHg` or `mmHg`.
    public var symbol: String {
        switch self {
        case .hectopascals: "hPa"
        case .kilopascals: "kPa"
        case .inchesOfMercury: "inHg"
        case .millimetersOfMercury: "mmHg"
        }
    }

    /// Hectopascals in one of this unit.
    ///
    /// 1 mmHg = 133.322387415 Pa (13.5951 g/cm³ × 9.80665 m/s² × 1 mm); 1 inHg = 25.4 mmHg
    /// = 3386.388640341 Pa (NIST SP 811 gives 3.386 389 E+03 Pa).
    @inlinable
    public var hectopascalsPerUnit: Double {
        switch self {
        case .hectopascals: 1
        case .kilopascals: 10
        case .inchesOfMercury: 33.86388640341
        case .millimetersOfMercury: 1.33322387415
        }
    }
}
