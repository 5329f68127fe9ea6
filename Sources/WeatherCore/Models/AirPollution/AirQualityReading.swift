public import Foundation

/// Air quality at one instant (`list[]`).
public struct AirQualityReading: Sendable, Equatable, Codable {
    /// The instant (`dt`).
    public var time: Date
    /// OpenWeather's air quality index (`main.aqi`): 1 good, 2 fair, 3 moderate, 4 poor, 5 very poor.
    public var airQualityIndex: Int
    /// Pollutant concentrations (`components`).
    public var components: AirComponents
}

/// Pollutant concentrations in µg/m³ (`components`). JSON renderings name the unit in each key.
public struct AirComponents: Sendable, Equatable, Codable {
    /// Carbon monoxide, CO (`co`).
    public var carbonMonoxide: Double
    /// Nitrogen monoxide, NO (`no`).
    public var nitrogenMonoxide: Double
    /// Nitrogen dioxide, NO₂ (`no2`).
    public var nitrogenDioxide: Double
    /// Ozone, O₃ (`o3`).
    public var ozone: Double
    /// Sulphur dioxide, SO₂ (`so2`).
    public var sulphurDioxide: Double
    /// Fine particles, PM2.5 (`pm2_5`).
    public var fineParticles: Double
    /// Coarse particles, PM10 (`pm10`).
    public var coarseParticles: Double
    /// Ammonia, NH₃ (`nh3`).
    public var ammonia: Double

    private enum CodingKeys: String, CodingKey {
        case carbonMonoxide = "co_micrograms_per_cubic_meter"
        case nitrogenMonoxide = "no_micrograms_per_cubic_meter"
        case nitrogenDioxide = "no2_micrograms_per_cubic_meter"
        case ozone = "o3_micrograms_per_cubic_meter"
        case sulphurDioxide = "so2_micrograms_per_cubic_meter"
        case fineParticles = "pm2_5_micrograms_per_cubic_meter"
        case coarseParticles = "pm10_micrograms_per_cubic_meter"
        case ammonia = "nh3_micrograms_per_cubic_meter"
    }
}

extension AirQualityReading: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var time: Date?
        var index: Int?
        var components: AirComponents?
        while try r.nextMember(&cursor) {
            if r.key("components") {
                components = try AirComponents(reading: &r)
            } else if r.key("main") {
                var inner = try r.beginObject()
                while try r.nextMember(&inner) {
                    if r.key("aqi") {
                        index = try r.int()
                    } else {
                        try r.skipValue()
                    }
                }
                guard index != nil else { throw r.missing("aqi", in: inner) }
            } else if r.key("dt") {
                time = try r.date()
            } else {
                try r.skipValue()
            }
        }
        guard let time else { throw r.missing("dt", in: cursor) }
        guard let index else { throw r.missing("main", in: cursor) }
        guard let components else { throw r.missing("components", in: cursor) }
        self.init(time: time, airQualityIndex: index, components: components)
    }
}

extension AirComponents: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var values = (co: 0.0, no: 0.0, no2: 0.0, o3: 0.0, so2: 0.0, pm25: 0.0, pm10: 0.0, nh3: 0.0)
        while try r.nextMember(&cursor) {
            if r.key("co") {
                values.co = try r.double()
            } else if r.key("no") {
                values.no = try r.double()
            } else if r.key("no2") {
                values.no2 = try r.double()
            } else if r.key("o3") {
                values.o3 = try r.double()
            } else if r.key("so2") {
                values.so2 = try r.double()
            } else if r.key("pm2_5") {
                values.pm25 = try r.double()
            } else if r.key("pm10") {
                values.pm10 = try r.double()
            } else if r.key("nh3") {
                values.nh3 = try r.double()
            } else {
                try r.skipValue()
            }
        }
        self.init(
            carbonMonoxide: values.co, nitrogenMonoxide: values.no, nitrogenDioxide: values.no2, ozone: values.o3,
            sulphurDioxide: values.so2, fineParticles: values.pm25, coarseParticles: values.pm10, ammonia: values.nh3)
    }
}
