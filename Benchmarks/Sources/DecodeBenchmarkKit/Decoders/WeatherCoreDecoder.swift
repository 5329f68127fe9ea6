import WeatherCore

extension DecoderUnderTest {
    /// WeatherCore's single-pass decoders, straight from the bytes.
    package static func weatherCore() -> DecoderUnderTest? {
        DecoderUnderTest(name: "WeatherCore") { document in
            switch document.kind {
            case .current: blackHole(try CurrentWeather(jsonBytes: document.bytes))
            case .forecast: blackHole(try Forecast(jsonBytes: document.bytes))
            case .onecall: blackHole(try OneCall(jsonBytes: document.bytes))
            case .air: blackHole(try AirPollution(jsonBytes: document.bytes))
            case .geocode: blackHole(try GeocodingResults(jsonBytes: document.bytes))
            }
        }
    }
}
