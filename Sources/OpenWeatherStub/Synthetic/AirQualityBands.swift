/// OpenWeather's air-quality scale (1 Good … 5 Very Poor): the index is the worst band of any
/// pollutant, so the stub's `aqi` agrees with the concentrations it sends next to it.
enum AirQualityBands {
    /// Lower limits, µg/m³, of bands 2…5 per pollutant (openweathermap.org/air-pollution-index-levels).
    static let limits: [String: [Double]] = [
        "so2": [20, 80, 250, 350],
        "no2": [40, 70, 150, 200],
        "pm10": [20, 50, 100, 200],
        "pm2_5": [10, 25, 50, 75],
        "o3": [60, 100, 140, 180],
        "co": [4400, 9400, 12400, 15400],
    ]

    /// The index 1…5 for a set of concentrations keyed by OpenWeather's component names.
    static func index(_ concentrations: [String: Double]) -> Int {
        var worst = 1
        for (name, value) in concentrations {
            guard let bands = limits[name] else { continue }
            worst = max(worst, 1 + bands.filter { value >= $0 }.count)
        }
        return worst
    }
}
