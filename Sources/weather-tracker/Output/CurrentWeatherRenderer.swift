import WeatherCore

/// `current` for people: a few aligned lines.
///
/// ```
/// Zürich, CH        Fri 27 Nov 15:42 (UTC+01:00)
/// Condition         Light rain
/// Temperature       7.3 °C, feels like 4.9 °C
/// ```
struct CurrentWeatherRenderer {
    let units: Quantities
    let style: Style

    func render(_ weather: CurrentWeather) -> String {
        let clock = LocalClock(utcOffsetSeconds: weather.utcOffsetSeconds)
        let main = weather.main
        var rows: [(String, String)] = [
            ("Condition", Quantities.condition(weather.conditions)),
            ("Temperature", "\(units.temperature(main.temperature)), feels like \(units.temperature(main.feelsLike))"),
            ("Wind", units.wind(weather.wind)),
            ("Humidity", "\(main.humidity) %"),
            ("Pressure", units.pressure(main.pressure)),
        ]
        if let visibility = weather.visibility { rows.append(("Visibility", units.visibility(visibility))) }
        rows.append(("Clouds", "\(weather.cloudiness) %"))
        if let rain = weather.rain?.lastHour ?? weather.rain?.lastThreeHours {
            rows.append(("Rain", units.precipitation(rain)))
        }
        if let snow = weather.snow?.lastHour ?? weather.snow?.lastThreeHours {
            rows.append(("Snow", units.precipitation(snow)))
        }
        if let sunrise = weather.sunrise, let sunset = weather.sunset {
            rows.append(("Sunrise/sunset", "\(clock.time(sunrise)) / \(clock.time(sunset))"))
        }
        let name = ResolvedPlace.joinedName(
            weather.name.isEmpty ? weather.coordinates.description : weather.name, weather.country)
        var table = TextTable()
        table.add(
            plain: [name, "\(clock.dayAndTime(weather.time)) (\(clock.zoneText))"],
            styled: [style.bold(name), "\(clock.dayAndTime(weather.time)) (\(clock.zoneText))"])
        for (label, value) in rows { table.add(plain: [label, value], styled: [style.dim(label), value]) }
        return table.lines().joined(separator: "\n")
    }
}
