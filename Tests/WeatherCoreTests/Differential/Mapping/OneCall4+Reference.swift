import Foundation

@testable import WeatherCore

// One Call 4.0's meaning, written once more from the specification: the same records as 3.0 plus
// `alerts` ids; links reduced to step, `start` and `cnt` (here with Foundation's URLComponents).

extension TimelinePage {
    init<R: Decodable>(reference r: ReferenceTimelinePage<R>, record: (R) -> Record) {
        self.init(
            coordinates: Coordinates(uncheckedLatitude: r.lat, longitude: r.lon),
            timeZoneIdentifier: r.timezone ?? "", utcOffsetSeconds: r.timezoneOffset ?? 0,
            records: (r.data ?? []).map(record),
            previous: r.prev.flatMap { TimelineLink(referenceURL: $0, steps: Record.timelineSteps) },
            next: r.next.flatMap { TimelineLink(referenceURL: $0, steps: Record.timelineSteps) })
    }
}

extension TimelineLink {
    /// The link through `URLComponents`: the path must end in one of `steps`' endpoint paths; one
    /// `start`, an optional `cnt`, both plain decimal numbers.
    init?(referenceURL text: String, steps: [TimelineStep]) {
        guard let components = URLComponents(string: text),
            let step = steps.first(where: { components.path.hasSuffix($0.endpoint.path) })
        else { return nil }
        let items = components.queryItems ?? []
        let starts = items.filter { $0.name == "start" }
        let counts = items.filter { $0.name == "cnt" }
        func number(_ item: URLQueryItem?, digits: Int) -> Int64?? {
            guard let item else { return .some(nil) }
            guard let value = item.value, (1...digits).contains(value.count), value.allSatisfy(\.isASCII),
                let number = Int64(value), number >= 0, !value.hasPrefix("+")
            else { return nil }
            return .some(number)
        }
        guard starts.count == 1, counts.count <= 1, let start = number(starts.first, digits: 12) ?? nil,
            let count = number(counts.first, digits: 4)
        else { return nil }
        self.init(step: step, start: Date(unixSeconds: Int(start)), count: count.map { Int($0) })
    }
}

extension WeatherSnapshot {
    init(reference4 r: ReferenceFlatRecord4) {
        self.init(
            time: Date(unixSeconds: r.dt), sunrise: Date.unlessZero(r.sunrise), sunset: Date.unlessZero(r.sunset),
            temperature: Temperature(kelvin: r.temp), feelsLike: Temperature(kelvin: r.feelsLike ?? r.temp),
            pressure: Pressure(hectopascals: r.pressure), humidity: r.humidity,
            dewPoint: r.dewPoint.map { Temperature(kelvin: $0) }, uvIndex: r.uvi, cloudiness: r.clouds,
            visibility: r.visibility.map { Distance(meters: $0) },
            wind: Wind(speed: r.windSpeed ?? 0, degrees: r.windDeg ?? 0, gust: r.windGust),
            rain: r.rain.map(PrecipitationVolume.init(reference:)), snow: r.snow.map(PrecipitationVolume.init(reference:)),
            conditions: (r.weather ?? []).map(WeatherCondition.init(reference:)), alertIDs: nonEmpty(r.alerts))
    }
}

extension HourlyForecast {
    init(reference4 r: ReferenceFlatRecord4) {
        self.init(
            time: Date(unixSeconds: r.dt), temperature: Temperature(kelvin: r.temp),
            feelsLike: Temperature(kelvin: r.feelsLike ?? r.temp), pressure: Pressure(hectopascals: r.pressure),
            humidity: r.humidity, dewPoint: r.dewPoint.map { Temperature(kelvin: $0) }, uvIndex: r.uvi,
            cloudiness: r.clouds, visibility: r.visibility.map { Distance(meters: $0) },
            wind: Wind(speed: r.windSpeed ?? 0, degrees: r.windDeg ?? 0, gust: r.windGust),
            precipitationProbability: r.pop, rain: r.rain.map(PrecipitationVolume.init(reference:)),
            snow: r.snow.map(PrecipitationVolume.init(reference:)),
            conditions: (r.weather ?? []).map(WeatherCondition.init(reference:)), alertIDs: nonEmpty(r.alerts))
    }
}

extension MinutelyPrecipitation {
    init(reference4 r: ReferenceMinute4) {
        self.init(
            time: Date(unixSeconds: r.dt), precipitation: Precipitation(millimeters: r.precipitation),
            alertIDs: nonEmpty(r.alerts))
    }
}

extension DailyForecast {
    init(reference4 r: ReferenceDay4) {
        let kelvin = { (value: Double?) in value.map { Temperature(kelvin: $0) } }
        let feels = r.feelsLike
        self.init(
            time: Date(unixSeconds: r.dt), sunrise: Date.unlessZero(r.sunrise), sunset: Date.unlessZero(r.sunset),
            moonrise: Date.unlessZero(r.moonrise), moonset: Date.unlessZero(r.moonset), moonPhase: r.moonPhase,
            summary: r.summary,
            temperature: DailyTemperatures(
                morning: kelvin(r.temp.morn), day: Temperature(kelvin: r.temp.day), evening: kelvin(r.temp.eve),
                night: kelvin(r.temp.night), min: kelvin(r.temp.min), max: kelvin(r.temp.max)),
            feelsLike: DailyFeelsLike(
                morning: kelvin(feels?.morn), day: Temperature(kelvin: feels?.day ?? r.temp.day),
                evening: kelvin(feels?.eve), night: kelvin(feels?.night)),
            pressure: Pressure(hectopascals: r.pressure), humidity: r.humidity, dewPoint: kelvin(r.dewPoint),
            wind: Wind(speed: r.windSpeed ?? 0, degrees: r.windDeg ?? 0, gust: r.windGust), cloudiness: r.clouds,
            uvIndex: r.uvi, precipitationProbability: r.pop,
            rain: r.rain?.millimeters.map { Precipitation(millimeters: $0) },
            snow: r.snow?.millimeters.map { Precipitation(millimeters: $0) },
            conditions: (r.weather ?? []).map(WeatherCondition.init(reference:)), alertIDs: nonEmpty(r.alerts))
    }
}

extension WeatherAlert {
    init(reference r: ReferenceAlertDetail) {
        let b = r.body
        let tags = b.tags ?? []
        var text = ""
        var translations: [LocalizedText]?
        switch b.description {
        case .text(let value): text = value
        case .translations(let list):
            let all = list.map { LocalizedText(language: $0.language ?? "", text: $0.description ?? "") }
            translations = all
            text = (all.first { $0.language.lowercased().hasPrefix("en") } ?? all.first)?.text ?? ""
        case nil: break
        }
        let event = b.event ?? ""
        self.init(
            senderName: b.senderName ?? "", event: event.isEmpty ? (tags.first ?? "") : event,
            start: Date(unixSeconds: b.start), end: Date(unixSeconds: b.end), description: text, tags: tags, id: b.id,
            descriptions: translations)
    }
}

/// `alerts: []` means no alert, as absent does.
private func nonEmpty(_ ids: [String]?) -> [String]? {
    ids.flatMap { $0.isEmpty ? nil : $0 }
}
