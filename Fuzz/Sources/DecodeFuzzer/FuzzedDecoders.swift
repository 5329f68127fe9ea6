import WeatherCore

/// Every response model the fuzzer feeds each input to.
///
/// Add a model here when WeatherCore gains one: the fuzzer must reach every decoder.
let fuzzedDecoders: [any OpenWeatherDecodable.Type] = [
    CurrentWeather.self,
    Forecast.self,
    OneCall.self,
    HistoricalWeather.self,
    DaySummary.self,
    WeatherOverview.self,
    AirPollution.self,
    GeocodingResults.self,
    ZipLocation.self,
    // One Call 4.0: the five page kinds and the alert detail.
    OneCall4Current.self,
    TimelinePage<MinutelyPrecipitation>.self,
    TimelinePage<HourlyForecast>.self,
    TimelinePage<DailyForecast>.self,
    WeatherAlert.self,
]
