import Foundation

/// The weather at one place and moment, invented deterministically from the place, the time
/// and the stub's time bucket. Standard units: Kelvin, hPa, m/s, metres, mm.
struct WeatherSample: Sendable {
    var temp: Double
    var feelsLike: Double
    var tempMin: Double
    var tempMax: Double
    var pressure: Int
    var humidity: Int
    var dewPoint: Double
    var windSpeed: Double
    var windDeg: Int
    var windGust: Double
    var clouds: Int
    var visibility: Int
    var rain: Double
    var pop: Double
    var uvi: Double
    var condition: Condition
    var isDay: Bool

    /// Sunrise and sunset (Unix seconds) of the UTC day containing `time`, roughly for the latitude.
    static func sun(place: SyntheticPlace, time: Int) -> (sunrise: Int, sunset: Int) {
        let dayStart = time - ((time % 86_400) + 86_400) % 86_400
        let solarNoon = dayStart + 43_200 - Int(place.longitude / 15 * 3600)
        let halfDay = 21_600 + Int(abs(place.latitude) * 60)
        return (solarNoon - halfDay, solarNoon + halfDay)
    }

    /// The sample for `place` at `time` (Unix seconds); `bucket` changes the weather every time bucket.
    init(place: SyntheticPlace, time: Int, bucket: Int) {
        var values = SeededValues(
            "sample", JSONWriter.format(place.latitude, places: 2), JSONWriter.format(place.longitude, places: 2),
            String(bucket), String(time / 3600))
        let localHour = Double(((time + place.timezoneOffset) % 86_400 + 86_400) % 86_400) / 3600
        let daily = -5 * cos((localHour - 3) / 24 * 2 * Double.pi)
        let base = 300 - abs(place.latitude) * 0.45
        temp = base + daily + values.double(in: -3...3)
        humidity = values.int(in: 30...95)
        windSpeed = values.double(in: 0...12)
        feelsLike = temp - windSpeed * 0.3 + (humidity > 70 ? 1 : 0)
        tempMin = temp - values.double(in: 0...2)
        tempMax = temp + values.double(in: 0...2)
        pressure = values.int(in: 990...1035)
        dewPoint = temp - (100 - Double(humidity)) / 5
        windDeg = values.int(in: 0...359)
        windGust = windSpeed + values.double(in: 0...6)
        clouds = values.int(in: 0...100)
        rain = clouds > 70 && values.int(in: 0...2) == 0 ? values.double(in: 0.1...6) : 0
        pop = rain > 0 ? values.double(in: 0.5...1) : (clouds > 50 ? values.double(in: 0...0.4) : 0)
        visibility = rain > 0 ? values.int(in: 20...99) * 100 : 10_000
        let sun = Self.sun(place: place, time: time)
        isDay = time >= sun.sunrise && time < sun.sunset
        uvi = isDay ? values.double(in: 0...9) * Double(100 - clouds) / 100 : 0
        condition = Condition.from(clouds: clouds, rain: rain)
    }
}
