/// The `units` query parameter, honoured as OpenWeather does: `metric` (°C, m/s), `imperial`
/// (°F, mph), and `standard` (K, m/s) — also when absent or unknown — so a client that asks for
/// the wrong units gets numbers it will misread, here as in production.
enum StubUnits: String, Sendable {
    case standard, metric, imperial

    /// The units `value` asks for; standard for `nil` or anything OpenWeather does not know.
    init(query value: String?) {
        self = value.flatMap { StubUnits(rawValue: $0.lowercased()) } ?? .standard
    }

    /// A temperature given in Kelvin, in these units.
    func temperature(_ kelvin: Double) -> Double {
        switch self {
        case .standard: return kelvin
        case .metric: return kelvin - 273.15
        case .imperial: return (kelvin - 273.15) * 9 / 5 + 32
        }
    }

    /// A speed given in m/s, in these units.
    func speed(_ metresPerSecond: Double) -> Double {
        self == .imperial ? metresPerSecond / 0.44704 : metresPerSecond
    }

    /// The temperature unit's symbol, for the overview's sentence.
    var temperatureSymbol: String {
        switch self {
        case .standard: return "K"
        case .metric: return "°C"
        case .imperial: return "°F"
        }
    }

    /// The speed unit's symbol.
    var speedSymbol: String { self == .imperial ? "mph" : "m/s" }
}
