// The README's library example. It is compiled by every `swift build`, so it cannot rot, and
// `swift run LibraryExample` runs it offline: a scripted transport stands in for OpenWeather.
import Foundation
import WeatherCore
import WeatherTesting

// 1. Decode a saved OpenWeather response straight from its bytes.
let body = #"""
    {"coord":{"lon":8.55,"lat":47.3667},"weather":[{"id":801,"main":"Clouds","description":"few clouds","icon":"02d"}],
     "main":{"temp":293.15,"feels_like":292.6,"temp_min":291.2,"temp_max":295.4,"pressure":1018,"humidity":55},
     "visibility":10000,"wind":{"speed":4.6,"deg":250},"clouds":{"all":20},"dt":1767225600,
     "sys":{"country":"CH","sunrise":1767250000,"sunset":1767282000},"timezone":3600,"id":2657896,"name":"Zürich","cod":200}
    """#
let weather = try CurrentWeather(jsonBytes: Array(body.utf8))
print(weather.name, weather.main.temperature.formatted(in: .celsius))  // Zürich 20.0 °C
print(weather.wind.speed.formatted(in: .kilometersPerHour), weather.wind.speed.beaufort.name)

// 2. Look it up through the client: cache-aside, coalescing, retries and quota, over any transport.
let transport = ScriptedTransport()
transport.always(.path("/data/2.5/weather"), .json(body))
let client = WeatherClient(transport: transport, cache: MemoryCacheStore())
let place = try Place(parsing: "Zürich,CH")
let first = try await client.current(for: place)
let second = try await client.current(for: place)
print(first.cacheStatus, second.cacheStatus, transport.requestCount)  // miss hit 1

// 3. Against OpenWeather itself, when a key and a Redis are configured.
if ProcessInfo.processInfo.environment["OPENWEATHER_API_KEY"] != nil,
    ProcessInfo.processInfo.environment["REDIS_URL"] != nil
{
    try await withProductionClient { client in try await printCurrentWeather(in: "Zürich,CH", using: client) }
}
