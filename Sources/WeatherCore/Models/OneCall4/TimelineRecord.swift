public import Foundation

/// A record of a One Call 4.0 timeline: ``WeatherSnapshot`` (current), ``MinutelyPrecipitation``
/// (1 minute), ``HourlyForecast`` (15 minutes and 1 hour) and ``DailyForecast`` (1 day) — the
/// same types One Call 3.0 decodes into, so a 4.0 ``OneCall`` assembled from pages is the same model.
///
/// WeatherCore's record types conform; the requirements let ``TimelinePage`` decode, cache and
/// walk pages of any of them generically.
public protocol TimelineRecord: Sendable, Equatable, Codable {
    /// The record's time (`dt`).
    var time: Date { get }

    /// The ids of the alerts that apply at this record's time (`alerts`), for
    /// ``OpenWeatherRequest/oneCallAlert(id:)``; `nil` when there are none.
    var alertIDs: [String]? { get }

    /// The timelines whose pages hold this kind of record, and whose `prev`/`next` links a page of
    /// it may carry; empty for ``WeatherSnapshot`` (the current endpoint has no links).
    static var timelineSteps: [TimelineStep] { get }

    /// Decodes a whole page of these records in one pass: how ``TimelinePage/init(jsonBytes:)``
    /// reaches a decoder specialized for the record type.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/decodingFailed`` naming the JSON path.
    static func decodeTimelinePage(_ bytes: [UInt8]) throws(WeatherError) -> TimelinePage<Self>
}

extension TimelineRecord {
    /// The longest step this kind of record comes in; `nil` when it is never historical (current).
    static var longestStep: TimelineStep? { timelineSteps.max { $0.seconds < $1.seconds } }
}

extension WeatherSnapshot: TimelineRecord {
    /// None: `/data/4.0/onecall/current` is one record without links.
    public static var timelineSteps: [TimelineStep] { [] }

    /// Decodes a `/data/4.0/onecall/current` response body.
    public static func decodeTimelinePage(_ bytes: [UInt8]) throws(WeatherError) -> TimelinePage<Self> {
        try JSONDocument.decode(bytes, as: TimelinePageReader<Self>.self).page
    }
}

extension MinutelyPrecipitation: TimelineRecord {
    /// ``TimelineStep/minute``.
    public static var timelineSteps: [TimelineStep] { [.minute] }

    /// Decodes a `/data/4.0/onecall/timeline/1min` response body.
    public static func decodeTimelinePage(_ bytes: [UInt8]) throws(WeatherError) -> TimelinePage<Self> {
        try JSONDocument.decode(bytes, as: TimelinePageReader<Self>.self).page
    }
}

extension HourlyForecast: TimelineRecord {
    /// ``TimelineStep/quarterHour`` and ``TimelineStep/hour``: both timelines send the same fields.
    public static var timelineSteps: [TimelineStep] { [.quarterHour, .hour] }

    /// Decodes a `/data/4.0/onecall/timeline/15min` or `/1h` response body.
    public static func decodeTimelinePage(_ bytes: [UInt8]) throws(WeatherError) -> TimelinePage<Self> {
        try JSONDocument.decode(bytes, as: TimelinePageReader<Self>.self).page
    }
}

extension DailyForecast: TimelineRecord {
    /// ``TimelineStep/day``.
    public static var timelineSteps: [TimelineStep] { [.day] }

    /// Decodes a `/data/4.0/onecall/timeline/1day` response body.
    public static func decodeTimelinePage(_ bytes: [UInt8]) throws(WeatherError) -> TimelinePage<Self> {
        try JSONDocument.decode(bytes, as: TimelinePageReader<Self>.self).page
    }
}

extension Array where Element: TimelineRecord {
    /// Every alert id the records name, each once, in order of first appearance.
    var alertIDs: [String] {
        var seen = Set<String>()
        var ids: [String] = []
        for record in self {
            for id in record.alertIDs ?? [] where seen.insert(id).inserted { ids.append(id) }
        }
        return ids
    }
}
