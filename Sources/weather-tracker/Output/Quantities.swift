import WeatherCore

/// The quantities of the text output, in the chosen ``UnitSystem``.
struct Quantities {
    let system: UnitSystem

    /// `7.3 °C`.
    func temperature(_ value: Temperature) -> String { value.formatted(in: system, fractionDigits: 1) }

    /// `7 °C` (for tables).
    func shortTemperature(_ value: Temperature) -> String { value.formatted(in: system, fractionDigits: 0) }

    /// `5.2 m/s SW`.
    func windShort(_ wind: Wind) -> String {
        "\(wind.speed.formatted(in: system, fractionDigits: 1)) \(wind.direction.compassPoint.abbreviation)"
    }

    /// `5.2 m/s from SW (240°), Beaufort 3 gentle breeze, gusts 8.1 m/s`.
    func wind(_ wind: Wind) -> String {
        let force = wind.speed.beaufort
        var text =
            "\(wind.speed.formatted(in: system, fractionDigits: 1)) from \(wind.direction.compassPoint.abbreviation)"
        let degrees = Int(wind.direction.normalized.degrees.rounded()) % 360
        text += " (\(degrees)°), Beaufort \(force.number) \(force.name.lowercased())"
        if let gust = wind.gust { text += ", gusts \(gust.formatted(in: system, fractionDigits: 1))" }
        return text
    }

    /// `1012 hPa` (every system, as OpenWeather; imperial adds inHg).
    func pressure(_ value: Pressure) -> String {
        let hPa = value.formatted(in: .hectopascals)
        return system == .imperial ? "\(hPa) (\(value.formatted(in: .inchesOfMercury)))" : hPa
    }

    /// `10.0 km`, `800 m`, or `6.2 mi` in imperial.
    func visibility(_ value: Distance) -> String {
        if system == .imperial { return value.formatted(in: .miles, fractionDigits: 1) }
        return value.meters < 1000 ? value.formatted(in: .meters, fractionDigits: 0) : value.formatted(in: .kilometers)
    }

    /// `1.2 mm`, or `0.05 in` in imperial.
    func precipitation(_ value: Precipitation) -> String {
        system == .imperial
            ? value.formatted(in: .inches, fractionDigits: 2) : value.formatted(in: .millimeters, fractionDigits: 1)
    }

    /// A probability 0–1 as `40 %`.
    static func percent(_ probability: Double) -> String { "\(Int((probability * 100).rounded())) %" }

    /// The first condition, capitalised: `Light rain`.
    static func condition(_ conditions: [WeatherCondition]) -> String {
        guard let text = conditions.first?.description, let first = text.first else { return "—" }
        return first.uppercased() + text.dropFirst()
    }
}
