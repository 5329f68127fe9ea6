import Foundation

@testable import WeatherCore

// Foundation Codable decoders that build the same models, written independently of the fast
// decoder from OpenWeather's documentation: the reference side of the differential test.

private struct RefKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private typealias Container = KeyedDecodingContainer<RefKey>

extension KeyedDecodingContainer where K == RefKey {
    fileprivate func d(_ key: String) throws -> Double { try decode(Double.self, forKey: RefKey(key)) }
    fileprivate func od(_ key: String) throws -> Double? { try decodeIfPresent(Double.self, forKey: RefKey(key)) }
    fileprivate func i(_ key: String) throws -> Int { try decode(Int.self, forKey: RefKey(key)) }
    fileprivate func oi(_ key: String) throws -> Int? { try decodeIfPresent(Int.self, forKey: RefKey(key)) }
    fileprivate func s(_ key: String) throws -> String { try decode(String.self, forKey: RefKey(key)) }
    fileprivate func os(_ key: String) throws -> String? { try decodeIfPresent(String.self, forKey: RefKey(key)) }
    fileprivate func date(_ key: String) throws -> Date { Date(timeIntervalSince1970: Double(try i(key))) }
    fileprivate func nonZeroDate(_ key: String) throws -> Date? {
        guard let seconds = try oi(key), seconds != 0 else { return nil }
        return Date(timeIntervalSince1970: Double(seconds))
    }
    fileprivate func nested(_ key: String) throws -> Container {
        try nestedContainer(keyedBy: RefKey.self, forKey: RefKey(key))
    }
    fileprivate func optionalNested(_ key: String) throws -> Container? {
        guard contains(RefKey(key)), try !decodeNil(forKey: RefKey(key)) else { return nil }
        return try nested(key)
    }
    fileprivate func conditions() throws -> [WeatherCondition] {
        (try decodeIfPresent([RefCondition].self, forKey: RefKey("weather")) ?? []).map(\.model)
    }
    fileprivate func code() throws -> Int? {
        if let number = try? decodeIfPresent(Int.self, forKey: RefKey("cod")) { return number }
        return try decodeIfPresent(String.self, forKey: RefKey("cod")).flatMap { Int($0) }
    }
    fileprivate func volume(_ key: String) throws -> PrecipitationVolume? {
        guard let c = try optionalNested(key) else { return nil }
        return PrecipitationVolume(
            lastHour: try c.od("1h").map { Precipitation(millimeters: $0) },
            lastThreeHours: try c.od("3h").map { Precipitation(millimeters: $0) })
    }
}

private func coordinates(_ c: Container) throws -> Coordinates {
    Coordinates(latitude: try c.d("lat"), longitude: try c.d("lon"))
}

private func flatWind(_ c: Container) throws -> Wind {
    Wind(
        speed: Speed(metersPerSecond: try c.od("wind_speed") ?? 0),
        direction: Direction(degrees: try c.od("wind_deg") ?? 0),
        gust: try c.od("wind_gust").map { Speed(metersPerSecond: $0) })
}

private struct RefCondition: Decodable {
    var model: WeatherCondition
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: RefKey.self)
        model = WeatherCondition(
            id: try c.i("id"), main: try c.os("main") ?? "", description: try c.os("description") ?? "",
            icon: try c.os("icon") ?? "")
    }
}

private func mainReadings(_ c: Container) throws -> MainReadings {
    let temp = try c.d("temp")
    return MainReadings(
        temperature: Temperature(kelvin: temp), feelsLike: Temperature(kelvin: try c.od("feels_like") ?? temp),
        temperatureMin: Temperature(kelvin: try c.od("temp_min") ?? temp),
        temperatureMax: Temperature(kelvin: try c.od("temp_max") ?? temp),
        pressure: Pressure(hectopascals: try c.d("pressure")), humidity: try c.i("humidity"),
        seaLevelPressure: try c.od("sea_level").map { Pressure(hectopascals: $0) },
        groundLevelPressure: try c.od("grnd_level").map { Pressure(hectopascals: $0) },
        temperatureCorrection: try c.od("temp_kf"))
}

private func wind(_ c: Container?) throws -> Wind {
    guard let c else { return Wind(speed: Speed(metersPerSecond: 0), direction: Direction(degrees: 0)) }
    return Wind(
        speed: Speed(metersPerSecond: try c.d("speed")), direction: Direction(degrees: try c.od("deg") ?? 0),
        gust: try c.od("gust").map { Speed(metersPerSecond: $0) })
}

/// `/data/2.5/weather` through JSONDecoder.
struct ReferenceCurrent: Decodable {
    var model: CurrentWeather
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: RefKey.self)
        let sys = try c.optionalNested("sys")
        model = CurrentWeather(
            coordinates: try coordinates(c.nested("coord")), conditions: try c.conditions(), base: try c.os("base"),
            main: try mainReadings(c.nested("main")), visibility: try c.od("visibility").map { Distance(meters: $0) },
            wind: try wind(c.optionalNested("wind")), cloudiness: try c.optionalNested("clouds")?.i("all") ?? 0,
            rain: try c.volume("rain"), snow: try c.volume("snow"), time: try c.date("dt"),
            country: try sys?.os("country"), sunrise: try sys?.nonZeroDate("sunrise"),
            sunset: try sys?.nonZeroDate("sunset"), systemType: try sys?.oi("type"), systemID: try sys?.oi("id"),
            utcOffsetSeconds: try c.oi("timezone") ?? 0, cityID: try c.oi("id") ?? 0, name: try c.os("name") ?? "",
            code: try c.code())
    }
}

private struct RefForecastEntry: Decodable {
    var model: ForecastEntry
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: RefKey.self)
        model = ForecastEntry(
            time: try c.date("dt"), main: try mainReadings(c.nested("main")), conditions: try c.conditions(),
            cloudiness: try c.optionalNested("clouds")?.i("all") ?? 0, wind: try wind(c.optionalNested("wind")),
            visibility: try c.od("visibility").map { Distance(meters: $0) }, precipitationProbability: try c.od("pop"),
            rain: try c.volume("rain"), snow: try c.volume("snow"), partOfDay: try c.optionalNested("sys")?.os("pod"),
            timeText: try c.os("dt_txt"))
    }
}

/// `/data/2.5/forecast` through JSONDecoder.
struct ReferenceForecast: Decodable {
    var model: Forecast
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: RefKey.self)
        let entries = try c.decode([RefForecastEntry].self, forKey: RefKey("list")).map(\.model)
        let city = try c.nested("city")
        model = Forecast(
            code: try c.code(), count: try c.oi("cnt") ?? entries.count, entries: entries,
            city: ForecastCity(
                id: try city.oi("id") ?? 0, name: try city.os("name") ?? "",
                coordinates: try coordinates(city.nested("coord")), country: try city.os("country"),
                population: try city.oi("population"), utcOffsetSeconds: try city.oi("timezone") ?? 0,
                sunrise: try city.nonZeroDate("sunrise"), sunset: try city.nonZeroDate("sunset")))
    }
}

/// `/data/2.5/air_pollution` through JSONDecoder.
struct ReferenceAir: Decodable {
    var model: AirPollution
    private struct Entry: Decodable {
        var model: AirQualityReading
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: RefKey.self)
            let k = try c.nested("components")
            model = AirQualityReading(
                time: try c.date("dt"), airQualityIndex: try c.nested("main").i("aqi"),
                components: AirComponents(
                    carbonMonoxide: try k.d("co"), nitrogenMonoxide: try k.d("no"), nitrogenDioxide: try k.d("no2"),
                    ozone: try k.d("o3"), sulphurDioxide: try k.d("so2"), fineParticles: try k.d("pm2_5"),
                    coarseParticles: try k.d("pm10"), ammonia: try k.d("nh3")))
        }
    }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: RefKey.self)
        model = AirPollution(
            coordinates: try coordinates(c.nested("coord")),
            readings: try c.decode([Entry].self, forKey: RefKey("list")).map(\.model))
    }
}

/// `/geo/1.0/direct` through JSONDecoder.
struct ReferenceGeocoding: Decodable {
    var model: GeocodingResults
    private struct Place: Decodable {
        var model: GeocodedPlace
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: RefKey.self)
            // Document order matters for LocalNames equality: take it from the container's keys.
            let names = try c.optionalNested("local_names").map { n in
                LocalNames(
                    try n.allKeys.map { LocalNames.Entry(language: $0.stringValue, name: try n.s($0.stringValue)) })
            }
            model = GeocodedPlace(
                name: try c.s("name"), localNames: names,
                coordinates: Coordinates(latitude: try c.d("lat"), longitude: try c.d("lon")),
                country: try c.os("country"), state: try c.os("state"))
        }
    }
    init(from decoder: any Decoder) throws {
        var array = try decoder.unkeyedContainer()
        var places: [GeocodedPlace] = []
        while !array.isAtEnd { places.append(try array.decode(Place.self).model) }
        model = GeocodingResults(places: places)
    }
}

/// `/data/3.0/onecall` through JSONDecoder.
struct ReferenceOneCall: Decodable {
    var model: OneCall
    private struct Snapshot: Decodable {
        var model: WeatherSnapshot
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: RefKey.self)
            let temp = try c.d("temp")
            model = WeatherSnapshot(
                time: try c.date("dt"), sunrise: try c.nonZeroDate("sunrise"), sunset: try c.nonZeroDate("sunset"),
                temperature: Temperature(kelvin: temp), feelsLike: Temperature(kelvin: try c.od("feels_like") ?? temp),
                pressure: Pressure(hectopascals: try c.d("pressure")), humidity: try c.i("humidity"),
                dewPoint: try c.od("dew_point").map { Temperature(kelvin: $0) }, uvIndex: try c.od("uvi"),
                cloudiness: try c.oi("clouds"), visibility: try c.od("visibility").map { Distance(meters: $0) },
                wind: try flatWind(c), rain: try c.volume("rain"), snow: try c.volume("snow"),
                conditions: try c.conditions())
        }
    }
    private struct Hour: Decodable {
        var model: HourlyForecast
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: RefKey.self)
            let temp = try c.d("temp")
            model = HourlyForecast(
                time: try c.date("dt"), temperature: Temperature(kelvin: temp),
                feelsLike: Temperature(kelvin: try c.od("feels_like") ?? temp),
                pressure: Pressure(hectopascals: try c.d("pressure")), humidity: try c.i("humidity"),
                dewPoint: try c.od("dew_point").map { Temperature(kelvin: $0) }, uvIndex: try c.od("uvi"),
                cloudiness: try c.oi("clouds"), visibility: try c.od("visibility").map { Distance(meters: $0) },
                wind: try flatWind(c), precipitationProbability: try c.od("pop"), rain: try c.volume("rain"),
                snow: try c.volume("snow"), conditions: try c.conditions())
        }
    }
    private struct Minute: Decodable {
        var model: MinutelyPrecipitation
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: RefKey.self)
            model = MinutelyPrecipitation(
                time: try c.date("dt"), precipitation: Precipitation(millimeters: try c.od("precipitation") ?? 0))
        }
    }
    private struct Day: Decodable {
        var model: DailyForecast
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: RefKey.self)
            func t(_ p: Container, _ key: String) throws -> Temperature? {
                try p.od(key).map { Temperature(kelvin: $0) }
            }
            let temp = try c.nested("temp")
            let temperatures = DailyTemperatures(
                morning: try t(temp, "morn"), day: Temperature(kelvin: try temp.d("day")), evening: try t(temp, "eve"),
                night: try t(temp, "night"), min: try t(temp, "min"), max: try t(temp, "max"))
            let feels = try c.optionalNested("feels_like")
            let feelsLike = try feels.map {
                DailyFeelsLike(
                    morning: try t($0, "morn"), day: Temperature(kelvin: try $0.d("day")), evening: try t($0, "eve"),
                    night: try t($0, "night"))
            }
            model = DailyForecast(
                time: try c.date("dt"), sunrise: try c.nonZeroDate("sunrise"), sunset: try c.nonZeroDate("sunset"),
                moonrise: try c.nonZeroDate("moonrise"), moonset: try c.nonZeroDate("moonset"),
                moonPhase: try c.od("moon_phase"), summary: try c.os("summary"), temperature: temperatures,
                feelsLike: feelsLike ?? DailyFeelsLike(morning: nil, day: temperatures.day, evening: nil, night: nil),
                pressure: Pressure(hectopascals: try c.d("pressure")), humidity: try c.i("humidity"),
                dewPoint: try c.od("dew_point").map { Temperature(kelvin: $0) }, wind: try flatWind(c),
                cloudiness: try c.oi("clouds"), uvIndex: try c.od("uvi"), precipitationProbability: try c.od("pop"),
                rain: try c.od("rain").map { Precipitation(millimeters: $0) },
                snow: try c.od("snow").map { Precipitation(millimeters: $0) }, conditions: try c.conditions())
        }
    }
    private struct Alert: Decodable {
        var model: WeatherAlert
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: RefKey.self)
            model = WeatherAlert(
                senderName: try c.os("sender_name") ?? "", event: try c.os("event") ?? "", start: try c.date("start"),
                end: try c.date("end"), description: try c.os("description") ?? "",
                tags: try c.decodeIfPresent([String].self, forKey: RefKey("tags")) ?? [])
        }
    }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: RefKey.self)
        model = OneCall(
            coordinates: Coordinates(latitude: try c.d("lat"), longitude: try c.d("lon")),
            timeZoneIdentifier: try c.os("timezone") ?? "", utcOffsetSeconds: try c.oi("timezone_offset") ?? 0,
            current: try c.decodeIfPresent(Snapshot.self, forKey: RefKey("current"))?.model,
            minutely: try c.decodeIfPresent([Minute].self, forKey: RefKey("minutely"))?.map(\.model) ?? [],
            hourly: try c.decodeIfPresent([Hour].self, forKey: RefKey("hourly"))?.map(\.model) ?? [],
            daily: try c.decodeIfPresent([Day].self, forKey: RefKey("daily"))?.map(\.model) ?? [],
            alerts: try c.decodeIfPresent([Alert].self, forKey: RefKey("alerts"))?.map(\.model))
    }
}
