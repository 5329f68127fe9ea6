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

    /// Solar noon and half the day length (seconds) on the UTC day containing `time`, from the latitude
    /// and the season: the sunrise equation with the solar declination, no equation of time. In polar
    /// day the half day is 12 h, in polar night 0.
    static func daylight(place: SyntheticPlace, time: Int) -> (solarNoon: Int, halfDay: Int) {
        let dayStart = time - ((time % 86_400) + 86_400) % 86_400
        let solarNoon = dayStart + 43_200 - Int(place.longitude / 15 * 3600)
        let dayOfYear = (Double(dayStart) / 86_400).truncatingRemainder(dividingBy: 365.2422)  // 0 = 1 January
        let declination = 23.44 * Double.pi / 180 * sin(2 * Double.pi * (dayOfYear - 80) / 365.2422)
        let latitude = place.latitude * Double.pi / 180
        let cosHourAngle = max(-1, min(1, -tan(latitude) * tan(declination)))
        return (solarNoon, Int(acos(cosHourAngle) / Double.pi * 43_200))
    }

    /// The UV index at `time`: clear-sky UV from the sun's elevation (latitude, season and hour;
    /// about 12 with the sun overhead, 0 at night), dimmed by cloud cover as measurements show
    /// (overcast cuts it by three quarters, scattered clouds barely).
    static func uvIndex(place: SyntheticPlace, time: Int, clouds: Int) -> Double {
        let dayStart = time - ((time % 86_400) + 86_400) % 86_400
        let (noon, _) = daylight(place: place, time: time)
        let dayOfYear = (Double(dayStart) / 86_400).truncatingRemainder(dividingBy: 365.2422)
        let declination = 23.44 * Double.pi / 180 * sin(2 * Double.pi * (dayOfYear - 80) / 365.2422)
        let latitude = place.latitude * Double.pi / 180
        let hourAngle = Double(time - noon) / 43_200 * Double.pi
        let sinElevation =
            sin(latitude) * sin(declination) + cos(latitude) * cos(declination) * cos(hourAngle)
        guard sinElevation > 0 else { return 0 }
        let clearSky = 12.5 * pow(sinElevation, 2.42)
        let cloudFactor = 1 - 0.75 * pow(Double(min(max(clouds, 0), 100)) / 100, 3.4)
        return (clearSky * cloudFactor * 100).rounded() / 100
    }

    /// The day's highest UV index (One Call's daily `uvi`): the UV at solar noon of the UTC day containing `time`.
    static func dailyMaxUV(place: SyntheticPlace, time: Int, clouds: Int) -> Double {
        uvIndex(place: place, time: daylight(place: place, time: time).solarNoon, clouds: clouds)
    }

    /// Sunrise and sunset (Unix seconds) of the UTC day containing `time`; both 0 in polar day and
    /// polar night, as OpenWeather sends them.
    static func sun(place: SyntheticPlace, time: Int) -> (sunrise: Int, sunset: Int) {
        let (noon, halfDay) = daylight(place: place, time: time)
        guard halfDay > 0 && halfDay < 43_200 else { return (0, 0) }
        return (noon - halfDay, noon + halfDay)
    }

    /// The sample for `place` at `time` (Unix seconds); `bucket` changes the weather every time bucket.
    init(place: SyntheticPlace, time: Int, bucket: Int) {
        var values = SeededValues(
            "sample", JSONWriter.format(place.latitude, places: 2), JSONWriter.format(place.longitude, places: 2),
            String(bucket), String(time / 3600))
        let localHour = Double(((time + place.timezoneOffset(at: time)) % 86_400 + 86_400) % 86_400) / 3600
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
        let (noon, halfDay) = Self.daylight(place: place, time: time)
        isDay = abs(time - noon) < halfDay
        uvi = Self.uvIndex(place: place, time: time, clouds: clouds)
        condition = Condition.from(clouds: clouds, rain: rain)
    }

    /// The sample in `units` (temperatures and speeds converted), described in `language`.
    func expressed(in units: StubUnits, language: StubLanguage) -> WeatherSample {
        var sample = self
        sample.temp = units.temperature(temp)
        sample.feelsLike = units.temperature(feelsLike)
        sample.tempMin = units.temperature(tempMin)
        sample.tempMax = units.temperature(tempMax)
        sample.dewPoint = units.temperature(dewPoint)
        sample.windSpeed = units.speed(windSpeed)
        sample.windGust = units.speed(windGust)
        sample.condition.description = language.description(of: condition.id, english: condition.description)
        return sample
    }

    /// The sample for `request`'s place at `time`, in the units and language it asks for.
    init(place: SyntheticPlace, time: Int, for request: StubRequest) {
        self = WeatherSample(place: place, time: time, bucket: request.bucket)
            .expressed(in: request.units, language: request.language)
    }
}
