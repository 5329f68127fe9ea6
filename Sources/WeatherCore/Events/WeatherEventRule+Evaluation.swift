import Foundation

extension WeatherEventRule {
    /// What a rule made of some conditions: whether it is met, and the data that decided it.
    public struct Evaluation: Sendable, Equatable {
        /// Whether the condition holds.
        public var isMet: Bool
        /// When met, what met it: the first precipitation at or above the rate, the first
        /// temperature past the threshold, the index, the first alert in force. When not met, the
        /// nearest miss: the wettest, coldest (`below`) or warmest (`above`) sample of the window,
        /// the index.
        public var detail: WeatherEventDetail

        /// Creates an evaluation.
        public init(isMet: Bool, detail: WeatherEventDetail) {
            self.isMet = isMet
            self.detail = detail
        }
    }

    /// Whether `conditions` meet the rule: `nil` when the data it needs is unknown.
    public func isMet(by conditions: WeatherConditions) -> Bool? {
        evaluate(conditions)?.isMet
    }

    /// The rule's verdict on `conditions` with the data behind it; `nil` when the data it needs is
    /// unknown — missing, or ending before the rule's window does without meeting it.
    public func evaluate(_ conditions: WeatherConditions) -> Evaluation? {
        let now = conditions.observedAt
        switch condition {
        case .alert:
            guard let active = activeAlerts(in: conditions) else { return nil }
            return Evaluation(isMet: !active.isEmpty, detail: WeatherEventDetail(alert: active.first))
        case .precipitation(let rate, let minutes):
            guard let series = conditions.precipitation else { return nil }
            let end = now.addingTimeInterval(TimeInterval(minutes) * 60)
            let window = series.filter { $0.start < end && $0.end > now }
            if let first = window.first(where: { $0.millimetersPerHour >= rate }) {
                return Evaluation(isMet: true, detail: WeatherEventDetail(precipitation: first))
            }
            guard Self.reaches(series.map(\.end), end) else { return nil }
            var wettest = window.first
            for sample in window where sample.millimetersPerHour > wettest?.millimetersPerHour ?? .infinity {
                wettest = sample
            }
            return Evaluation(isMet: false, detail: WeatherEventDetail(precipitation: wettest))
        case .temperature(let bound, let hours):
            guard let series = conditions.temperatures else { return nil }
            let end = now.addingTimeInterval(TimeInterval(hours) * 3600)
            let window = series.filter { $0.start < end && $0.end > now }
            let threshold = bound.threshold
            let isPast: (Temperature, Temperature) -> Bool =
                switch bound {
                case .below: { $0 < $1 }
                case .above: { $0 > $1 }
                }
            if let first = window.first(where: { isPast($0.temperature, threshold) }) {
                return Evaluation(isMet: true, detail: WeatherEventDetail(temperature: first))
            }
            guard Self.reaches(series.map(\.end), end) else { return nil }
            var nearest = window.first
            for sample in window where isPast(sample.temperature, nearest?.temperature ?? sample.temperature) {
                nearest = sample
            }
            return Evaluation(isMet: false, detail: WeatherEventDetail(temperature: nearest))
        case .airQuality(let index):
            guard let sample = conditions.airQuality else { return nil }
            return Evaluation(isMet: sample.index >= index, detail: WeatherEventDetail(airQuality: sample))
        }
    }

    /// The alerts of `conditions` still in force at ``WeatherConditions/observedAt``, one per
    /// identity, ordered by identity; `nil` when the alerts are unknown. The same for every rule:
    /// only an ``Condition/alert`` rule reports them.
    public func activeAlerts(in conditions: WeatherConditions) -> [ActiveAlert]? {
        guard let alerts = conditions.alerts else { return nil }
        var byIdentity: [String: ActiveAlert] = [:]
        for alert in alerts where alert.isInForce(at: conditions.observedAt) && byIdentity[alert.identity] == nil {
            byIdentity[alert.identity] = alert
        }
        return byIdentity.values.sorted { $0.identity < $1.identity }
    }

    /// Whether a series whose samples end at `ends` covers up to `end`: only then can a miss be known.
    private static func reaches(_ ends: [Date], _ end: Date) -> Bool {
        guard let last = ends.max() else { return false }
        return last >= end
    }
}
