import WeatherCore

extension DecoderUnderTest {
    /// WeatherCore's single-pass decoders, straight from the bytes.
    ///
    /// Add a kind here when WeatherCore gains its model; until then its cells show `–`.
    package static func weatherCore() -> DecoderUnderTest? {
        DecoderUnderTest(name: "WeatherCore", kinds: [.current]) { document in
            switch document.kind {
            case .current: blackHole(try CurrentWeather(jsonBytes: document.bytes))
            case .forecast, .onecall, .air, .geocode: throw UnsupportedKind(kind: document.kind)
            }
        }
    }
}

/// Thrown for a kind WeatherCore has no model for yet (never reached: ``DecoderUnderTest/kinds`` excludes it).
struct UnsupportedKind: Error {
    var kind: PayloadKind
}
