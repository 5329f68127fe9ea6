/// OpenWeather's air quality index, 1 (good) to 5 (very poor), as sent in `list[].main.aqi`.
///
/// OpenWeather derives it from the concentrations of SO₂, NO₂, PM10, PM2.5, O₃ and CO with its own
/// qualitative table (modelled on the European CAQI); the worst pollutant sets the index.
public enum AirQualityIndex: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// 1: air quality is satisfactory.
    case good = 1
    /// 2: acceptable.
    case fair
    /// 3: sensitive people may feel effects.
    case moderate
    /// 4: everyone may begin to feel effects.
    case poor
    /// 5: health warnings of emergency conditions.
    case veryPoor

    /// The index for OpenWeather's number, or `nil` outside 1–5.
    @inlinable
    public init?(index: Int) { self.init(rawValue: index) }

    /// The number OpenWeather sends, 1–5.
    @inlinable
    public var index: Int { rawValue }

    /// OpenWeather's qualitative name: "Good", "Fair", "Moderate", "Poor" or "Very Poor".
    public var name: String {
        switch self {
        case .good: "Good"
        case .fair: "Fair"
        case .moderate: "Moderate"
        case .poor: "Poor"
        case .veryPoor: "Very Poor"
        }
    }

    /// Orders from good to very poor.
    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
