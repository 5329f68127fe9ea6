public import Foundation

/// One edge of a subscription's condition, to push to the subscriber (webhook, Server-Sent Events).
///
/// Its ``id`` is derived from the inputs alone (FNV-1a 64 over the subscription, the rule, the
/// kind, the edge and the instant the condition started), so replicas that process the same
/// refresh name the event the same way, and a receiver can drop a repeat by id.
public struct WeatherEvent: Sendable, Equatable, Codable, Identifiable {
    /// 16 lowercase hexadecimal digits, the same for the same inputs on every replica and release.
    public var id: String
    /// The subscription the event belongs to, as given to ``WeatherEventTracker/init(subscription:rule:)``.
    public var subscription: String
    /// The kind of event (`type` in the API).
    public var type: WeatherEventKind
    /// Started, changed or ended.
    public var edge: WeatherEventEdge
    /// The instant of the conditions in which the edge was seen (``WeatherConditions/observedAt``).
    public var time: Date
    /// When the condition started: ``time`` for a started event, the started event's time for the
    /// changed and ended events that follow it.
    public var startedAt: Date
    /// The rule that produced it.
    public var rule: WeatherEventRule
    /// The data behind the edge: for a start, what met the rule; for an end, the nearest miss
    /// (see ``WeatherEventRule/Evaluation/detail``), or for an alert the alert as last seen.
    public var detail: WeatherEventDetail

    /// Creates an event.
    public init(
        id: String, subscription: String, type: WeatherEventKind, edge: WeatherEventEdge, time: Date,
        startedAt: Date, rule: WeatherEventRule, detail: WeatherEventDetail
    ) {
        self.id = id
        self.subscription = subscription
        self.type = type
        self.edge = edge
        self.time = time
        self.startedAt = startedAt
        self.rule = rule
        self.detail = detail
    }
}

/// The data that triggered an event: the member for the event's kind is set, the others are `nil`
/// (and left out of its JSON).
public struct WeatherEventDetail: Sendable, Equatable, Codable {
    /// For precipitation: the stretch and its rate.
    public var precipitation: PrecipitationSample?
    /// For temperature: the stretch and its temperature.
    public var temperature: TemperatureSample?
    /// For air quality: the index and when it was read.
    public var airQuality: AirQualitySample?
    /// For alerts: the alert, its identity and its content fingerprint.
    public var alert: ActiveAlert?

    /// Creates a detail.
    public init(
        precipitation: PrecipitationSample? = nil, temperature: TemperatureSample? = nil,
        airQuality: AirQualitySample? = nil, alert: ActiveAlert? = nil
    ) {
        self.precipitation = precipitation
        self.temperature = temperature
        self.airQuality = airQuality
        self.alert = alert
    }
}
