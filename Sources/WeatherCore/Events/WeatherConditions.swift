public import Foundation

/// The weather at a place as the event rules see it, whichever API supplied it (One Call 3.0,
/// One Call 4.0's timelines, Air Pollution).
///
/// Each part is optional, and `nil` means unknown — not fetched, excluded, or not answered —
/// never "nothing": a rule whose data is unknown is neither met nor unmet, so it starts and ends
/// nothing. An empty alert list is known ("no alerts"); an empty series is unknown.
public struct WeatherConditions: Sendable, Equatable, Codable {
    /// The instant the data describes (One Call's `current.dt`): where every rule's window begins,
    /// and the instant events report. Taken from the data, not the clock, so every replica that
    /// reads the same data derives the same events.
    public var observedAt: Date
    /// Expected precipitation in time order, finest series first where series overlap; `nil` when unknown.
    public var precipitation: [PrecipitationSample]?
    /// Expected temperatures in time order; `nil` when unknown.
    public var temperatures: [TemperatureSample]?
    /// The government alerts issued for the place; `[]` when there are none, `nil` when unknown.
    public var alerts: [ActiveAlert]?
    /// The air quality index; `nil` when unknown.
    public var airQuality: AirQualitySample?

    /// Creates conditions from parts already in hand; the others stay unknown.
    public init(
        observedAt: Date, precipitation: [PrecipitationSample]? = nil, temperatures: [TemperatureSample]? = nil,
        alerts: [WeatherAlert]? = nil, airQuality: AirQualitySample? = nil
    ) {
        self.observedAt = observedAt
        self.precipitation = precipitation.flatMap { $0.isEmpty ? nil : $0.sorted { $0.start < $1.start } }
        self.temperatures = temperatures.flatMap { $0.isEmpty ? nil : $0.sorted { $0.start < $1.start } }
        self.alerts = alerts.map { $0.map(ActiveAlert.init) }
        self.airQuality = airQuality
    }
}

extension WeatherConditions {
    /// `series` — each the records of one step, finest first — as one series: the finest where it
    /// reaches, then each coarser one only after the finer ones end (a coarse record that began
    /// earlier is cut to start there). `nil` when every series is empty.
    static func merged<Sample>(
        _ series: [[Sample]], start: KeyPath<Sample, Date>, end: KeyPath<Sample, Date>,
        cut: (Sample, Date) -> Sample
    ) -> [Sample]? {
        var result: [Sample] = []
        var covered: Date?
        for samples in series where !samples.isEmpty {
            let ordered = samples.sorted { $0[keyPath: start] < $1[keyPath: start] }
            for sample in ordered {
                guard let limit = covered else {
                    result.append(sample)
                    continue
                }
                guard sample[keyPath: end] > limit else { continue }
                result.append(sample[keyPath: start] < limit ? cut(sample, limit) : sample)
            }
            if let last = ordered.map({ $0[keyPath: end] }).max() {
                covered = max(covered ?? last, last)
            }
        }
        return result.isEmpty ? nil : result
    }

    /// Precipitation series, finest first, merged as ``merged(_:start:end:cut:)`` describes.
    static func mergedPrecipitation(_ series: [[PrecipitationSample]]) -> [PrecipitationSample]? {
        merged(series, start: \.start, end: \.end) { sample, limit in
            PrecipitationSample(start: limit, end: sample.end, millimetersPerHour: sample.millimetersPerHour)
        }
    }

    /// Temperature series, finest first, merged as ``merged(_:start:end:cut:)`` describes.
    static func mergedTemperatures(_ series: [[TemperatureSample]]) -> [TemperatureSample]? {
        merged(series, start: \.start, end: \.end) { sample, limit in
            TemperatureSample(start: limit, end: sample.end, temperature: sample.temperature)
        }
    }
}
