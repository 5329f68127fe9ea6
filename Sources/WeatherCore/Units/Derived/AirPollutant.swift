/// The pollutants OpenWeather's air quality index is computed from, with its concentration scale.
///
/// Concentrations are in μg/m³, as in the `components` of an air pollution response. The scale is
/// OpenWeather's (Air Pollution API documentation, "OpenWeather scale for Air Quality Index levels"):
///
/// | index | SO₂ | NO₂ | PM10 | PM2.5 | O₃ | CO |
/// |---|---|---|---|---|---|---|
/// | 1 Good | [0; 20) | [0; 40) | [0; 20) | [0; 10) | [0; 60) | [0; 4400) |
/// | 2 Fair | [20; 80) | [40; 70) | [20; 50) | [10; 25) | [60; 100) | [4400; 9400) |
/// | 3 Moderate | [80; 250) | [70; 150) | [50; 100) | [25; 50) | [100; 140) | [9400; 12400) |
/// | 4 Poor | [250; 350) | [150; 200) | [100; 200) | [50; 75) | [140; 180) | [12400; 15400) |
/// | 5 Very Poor | ⩾ 350 | ⩾ 200 | ⩾ 200 | ⩾ 75 | ⩾ 180 | ⩾ 15400 |
///
/// NH₃ and NO do not affect the index.
public enum AirPollutant: String, Sendable, Hashable, CaseIterable {
    /// Sulphur dioxide, `so2`.
    case sulphurDioxide = "so2"
    /// Nitrogen dioxide, `no2`.
    case nitrogenDioxide = "no2"
    /// Coarse particulate matter, `pm10`.
    case pm10
    /// Fine particulate matter, `pm2_5`.
    case pm2_5
    /// Ozone, `o3`.
    case ozone = "o3"
    /// Carbon monoxide, `co`.
    case carbonMonoxide = "co"

    /// The lowest concentration (μg/m³) of index 2, 3, 4 and 5 for this pollutant.
    public var lowerLimits: [Double] {
        switch self {
        case .sulphurDioxide: [20, 80, 250, 350]
        case .nitrogenDioxide: [40, 70, 150, 200]
        case .pm10: [20, 50, 100, 200]
        case .pm2_5: [10, 25, 50, 75]
        case .ozone: [60, 100, 140, 180]
        case .carbonMonoxide: [4400, 9400, 12400, 15400]
        }
    }

    /// The sub-index of a `concentration` (μg/m³) of this pollutant. Negative or NaN counts as good.
    public func index(for concentration: Double) -> AirQualityIndex {
        let reached = lowerLimits.lazy.filter { concentration >= $0 }.count
        return AirQualityIndex(rawValue: 1 + reached) ?? .good
    }
}

extension AirQualityIndex {
    /// The index for measured `concentrations` (μg/m³): the worst of the pollutants' sub-indices.
    ///
    /// Returns `nil` when no concentration is given. OpenWeather's own `aqi` can differ from this
    /// for the same components (it is computed upstream, from its own averaging); prefer the
    /// reported value when there is one and use this for data that has none.
    public init?(concentrations: [AirPollutant: Double]) {
        guard let worst = concentrations.map({ $0.key.index(for: $0.value) }).max() else { return nil }
        self = worst
    }
}
