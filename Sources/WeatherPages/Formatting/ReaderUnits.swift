import WeatherServerCore
package import WeatherCore

extension UnitSystem {
    /// The pressure unit a person reading the page in this system expects: inches of mercury in
    /// imperial (as US reports give it), hectopascals otherwise. (OpenWeather's own unit systems
    /// leave pressure in hPa; the API keeps that, the pages are for people.)
    package var readerPressure: PressureUnit { self == .imperial ? .inchesOfMercury : .hectopascals }

    /// The precipitation unit a person reading the page in this system expects: inches in
    /// imperial, millimetres otherwise.
    package var readerPrecipitation: PrecipitationUnit { self == .imperial ? .inches : .millimeters }
}

extension PrecipitationUnit {
    /// Digits after the point that show a small amount: `0.4 mm`, `0.02 in`.
    package var readerFractionDigits: Int { self == .inches ? 2 : 1 }
}
