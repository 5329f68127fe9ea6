import WeatherCore

/// Every response model the fuzzer feeds each input to.
///
/// Add a model here when WeatherCore gains one: the fuzzer must reach every decoder.
let fuzzedDecoders: [any OpenWeatherDecodable.Type] = [
    CurrentWeather.self
]
