import WeatherCore

extension DecoderUnderTest {
    /// WeatherCore's single-pass decoders, straight from the bytes.
    package static func weatherCore() -> DecoderUnderTest? {
        DecoderUnderTest(name: "WeatherCore") { documents, index in
            switch documents[index].kind {
            case .current: blackHole(try CurrentWeather(jsonBytes: documents[index].bytes))
            case .forecast: blackHole(try Forecast(jsonBytes: documents[index].bytes))
            case .onecall: blackHole(try OneCall(jsonBytes: documents[index].bytes))
            case .air: blackHole(try AirPollution(jsonBytes: documents[index].bytes))
            case .geocode: blackHole(try GeocodingResults(jsonBytes: documents[index].bytes))
            case .onecall4Current: blackHole(try OneCall4Current(jsonBytes: documents[index].bytes))
            case .onecall4Minutely: blackHole(try TimelinePage<MinutelyPrecipitation>(jsonBytes: documents[index].bytes))
            case .onecall4QuarterHourly, .onecall4Hourly:
                blackHole(try TimelinePage<HourlyForecast>(jsonBytes: documents[index].bytes))
            case .onecall4Daily: blackHole(try TimelinePage<DailyForecast>(jsonBytes: documents[index].bytes))
            }
        }
    }
}
