// What a service that depends on WeatherCore alone can do: decode a saved OpenWeather answer, and look one up
// through WeatherClient over WeatherTesting's scripted transport (offline). Exits non-zero if anything is off.
import Foundation
import WeatherCore
import WeatherTesting

let fixtures = try FixtureDirectory(bundle: .module)
let body = try fixtures.string("seoul-current.json")

// 1. Straight from the bytes, with the units converted locally.
let weather = try CurrentWeather(jsonBytes: Array(body.utf8))
print(weather.name, weather.main.temperature.formatted(in: .celsius))

// 2. Through the client: a miss asks the transport, the repeat is a hit from the memory cache.
let transport = ScriptedTransport()
transport.enqueue(.path("/data/2.5/weather"), .json(body))
let client = WeatherClient(transport: transport, cache: MemoryCacheStore())
let place = try Place(parsing: "Seoul,KR")
let first = try await client.current(for: place)
let second = try await client.current(for: place)
try transport.verifyAllConsumed()
print(first.cacheStatus, second.cacheStatus, transport.requestCount)
guard first.value.name == "Seoul", transport.requestCount == 1 else {
    print("unexpected: \(first.value.name), \(transport.requestCount) upstream requests")
    exit(1)
}
