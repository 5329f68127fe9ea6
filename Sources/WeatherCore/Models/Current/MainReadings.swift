/// The `main` block of current weather and of each 5-day forecast step.
public struct MainReadings: Sendable, Equatable, Codable {
    /// Air temperature (`temp`).
    public var temperature: Temperature
    /// Temperature as people perceive it (`feels_like`).
    public var feelsLike: Temperature
    /// Lowest temperature across the area at this moment (`temp_min`), not a daily minimum.
    public var temperatureMin: Temperature
    /// Highest temperature across the area at this moment (`temp_max`).
    public var temperatureMax: Temperature
    /// Atmospheric pressure at sea level (`pressure`).
    public var pressure: Pressure
    /// Relative humidity in percent (`humidity`).
    public var humidity: Int
    /// Pressure at sea level (`sea_level`), when sent.
    public var seaLevelPressure: Pressure?
    /// Pressure at ground level (`grnd_level`), when sent.
    public var groundLevelPressure: Pressure?
    /// OpenWeather's internal correction in kelvin (`temp_kf`, forecasts only).
    public var temperatureCorrection: Double?
}

extension MainReadings: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var temp: Double?
        var feelsLike: Double?
        var tempMin: Double?
        var tempMax: Double?
        var pressure: Double?
        var humidity: Int?
        var seaLevel: Double?
        var groundLevel: Double?
        var correction: Double?
        while try r.nextMember(&cursor) {
            if r.key("temp") {
                temp = try r.double()
            } else if r.key("feels_like") {
                feelsLike = try r.double()
            } else if r.key("temp_min") {
                tempMin = try r.double()
            } else if r.key("temp_max") {
                tempMax = try r.double()
            } else if r.key("pressure") {
                pressure = try r.double()
            } else if r.key("humidity") {
                humidity = try r.int()
            } else if r.key("sea_level") {
                seaLevel = try r.optionalDouble()
            } else if r.key("grnd_level") {
                groundLevel = try r.optionalDouble()
            } else if r.key("temp_kf") {
                correction = try r.optionalDouble()
            } else {
                try r.skipValue()
            }
        }
        guard let temp else { throw r.missing("temp", in: cursor) }
        self.temperature = Temperature(kelvin: temp)
        self.feelsLike = Temperature(kelvin: feelsLike ?? temp)
        self.temperatureMin = Temperature(kelvin: tempMin ?? temp)
        self.temperatureMax = Temperature(kelvin: tempMax ?? temp)
        guard let pressure else { throw r.missing("pressure", in: cursor) }
        self.pressure = Pressure(hectopascals: pressure)
        guard let humidity else { throw r.missing("humidity", in: cursor) }
        self.humidity = humidity
        self.seaLevelPressure = seaLevel.map { Pressure(hectopascals: $0) }
        self.groundLevelPressure = groundLevel.map { Pressure(hectopascals: $0) }
        self.temperatureCorrection = correction
    }
}
