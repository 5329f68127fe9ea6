public import Foundation

/// The edge detector of one subscription: what it last saw, so that each refresh yields only the
/// changes — one `started` when a condition becomes true, one `ended` when it becomes false,
/// nothing while it stays as it was; for alerts, `started`, `changed` and `ended` per alert.
///
/// A value type, `Codable`, so the service can keep it between refreshes (in Redis) and any
/// replica can continue it. Conditions older than the last ones seen are ignored, and unknown
/// data changes nothing (except that an alert whose end time has passed has ended).
///
/// ```swift
/// var tracker = WeatherEventTracker(subscription: "sub-42", rule: try .precipitation(mmPerHour: 0.5, minutes: 60))
/// for event in tracker.update(with: WeatherConditions(oneCall)) { push(event) }
/// ```
public struct WeatherEventTracker: Sendable, Equatable, Codable {
    /// An alert being followed, and since when.
    public struct TrackedAlert: Sendable, Equatable, Codable {
        /// The alert as last seen.
        public var alert: ActiveAlert
        /// The instant of the conditions in which it was first seen.
        public var since: Date

        /// Creates a tracked alert.
        public init(alert: ActiveAlert, since: Date) {
            self.alert = alert
            self.since = since
        }
    }

    /// The subscription's key (e.g. its id, or the place and rule): part of every event id, so
    /// subscriptions never share ids.
    public let subscription: String
    /// The rule watched.
    public let rule: WeatherEventRule
    /// The instant of the newest conditions taken; `nil` before the first.
    public private(set) var lastObservedAt: Date?
    /// For a precipitation, temperature or air quality rule: since when its condition has held;
    /// `nil` while it does not (or has not been known to).
    public private(set) var activeSince: Date?
    /// For an alert rule: the alerts in force, ordered by identity.
    public private(set) var trackedAlerts: [TrackedAlert]

    /// A tracker that has seen nothing yet: the first conditions that meet the rule start it.
    public init(subscription: String, rule: WeatherEventRule) {
        self.subscription = subscription
        self.rule = rule
        self.lastObservedAt = nil
        self.activeSince = nil
        self.trackedAlerts = []
    }

    /// Takes `conditions` and returns the events they cause, in a fixed order (for alerts: ended,
    /// then changed and started by identity). Conditions older than ``lastObservedAt`` cause none
    /// and change nothing.
    public mutating func update(with conditions: WeatherConditions) -> [WeatherEvent] {
        if let last = lastObservedAt, conditions.observedAt < last { return [] }
        lastObservedAt = conditions.observedAt
        if case .alert = rule.condition {
            return updateAlerts(conditions)
        }
        return updateCondition(conditions)
    }

    /// The tracker after `conditions`, and the events they cause: ``update(with:)`` without mutation.
    public func updated(with conditions: WeatherConditions) -> (tracker: WeatherEventTracker, events: [WeatherEvent]) {
        var next = self
        let events = next.update(with: conditions)
        return (next, events)
    }

    private mutating func updateCondition(_ conditions: WeatherConditions) -> [WeatherEvent] {
        guard let evaluation = rule.evaluate(conditions) else { return [] }
        let now = conditions.observedAt
        switch (evaluation.isMet, activeSince) {
        case (true, nil):
            activeSince = now
            return [event(.started, at: now, since: now, identity: nil, extra: [], detail: evaluation.detail)]
        case (false, let since?):
            activeSince = nil
            return [event(.ended, at: now, since: since, identity: nil, extra: [], detail: evaluation.detail)]
        default:
            return []
        }
    }

    private mutating func updateAlerts(_ conditions: WeatherConditions) -> [WeatherEvent] {
        let now = conditions.observedAt
        var ended: [WeatherEvent] = []
        var others: [WeatherEvent] = []
        var next: [TrackedAlert] = []
        if let active = rule.activeAlerts(in: conditions) {
            let current = Set(active.map(\.identity))
            var previous: [String: TrackedAlert] = [:]
            for tracked in trackedAlerts {
                previous[tracked.alert.identity] = tracked
                if !current.contains(tracked.alert.identity) {
                    ended.append(endedEvent(tracked, at: now))
                }
            }
            for alert in active {
                guard let tracked = previous[alert.identity] else {
                    others.append(
                        event(
                            .started, at: now, since: now, identity: alert.identity, extra: [],
                            detail: WeatherEventDetail(alert: alert)))
                    next.append(TrackedAlert(alert: alert, since: now))
                    continue
                }
                if tracked.alert.fingerprint != alert.fingerprint {
                    others.append(
                        event(
                            .changed, at: now, since: tracked.since, identity: alert.identity,
                            extra: [alert.fingerprint, StableHash.seconds(now)],
                            detail: WeatherEventDetail(alert: alert)))
                }
                next.append(TrackedAlert(alert: alert, since: tracked.since))
            }
        } else {
            // Unknown alerts: only what is certain changes — an alert whose end time has passed has ended.
            for tracked in trackedAlerts {
                if tracked.alert.isInForce(at: now) {
                    next.append(tracked)
                } else {
                    ended.append(endedEvent(tracked, at: now))
                }
            }
        }
        trackedAlerts = next.sorted { $0.alert.identity < $1.alert.identity }
        return ended + others
    }

    private func endedEvent(_ tracked: TrackedAlert, at now: Date) -> WeatherEvent {
        event(
            .ended, at: now, since: tracked.since, identity: tracked.alert.identity, extra: [],
            detail: WeatherEventDetail(alert: tracked.alert))
    }

    /// An event whose id hashes the subscription, the rule, the kind, the alert's identity (for
    /// alerts), the edge, the instant the condition started, and `extra`.
    private func event(
        _ edge: WeatherEventEdge, at now: Date, since: Date, identity: String?, extra: [String],
        detail: WeatherEventDetail
    ) -> WeatherEvent {
        var parts = [
            subscription, rule.key, rule.kind.rawValue, identity ?? "", edge.rawValue, StableHash.seconds(since),
        ]
        parts += extra
        return WeatherEvent(
            id: StableHash.hex(parts), subscription: subscription, type: rule.kind, edge: edge, time: now,
            startedAt: since, rule: rule, detail: detail)
    }
}
