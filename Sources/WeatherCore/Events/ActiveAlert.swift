public import Foundation

/// A government alert as the event machinery tracks it: the alert, a stable identity to follow it
/// across refreshes, and a fingerprint of its content to notice when it is revised.
public struct ActiveAlert: Sendable, Equatable, Codable {
    /// Who the alert is across refreshes and replicas: its id when OpenWeather sends one (One Call
    /// 4.0), else `fnv-` and a stable hash of its sender, event and start (One Call 3.0 sends no id).
    public var identity: String
    /// A stable hash of everything a reader sees: sender, event, start, end, description (every
    /// translation) and tags. It differs when the alert is revised.
    public var fingerprint: String
    /// The alert's details.
    public var alert: WeatherAlert

    /// Tracks `alert`, deriving its identity and fingerprint.
    public init(_ alert: WeatherAlert) {
        if let id = alert.id, !id.isEmpty {
            identity = id
        } else {
            identity = "fnv-" + StableHash.hex([alert.senderName, alert.event, StableHash.seconds(alert.start)])
        }
        var content = [
            alert.senderName, alert.event, StableHash.seconds(alert.start), StableHash.seconds(alert.end),
            alert.description, String(alert.tags.count),
        ]
        content += alert.tags
        for translation in alert.descriptions ?? [] {
            content += [translation.language, translation.text]
        }
        fingerprint = StableHash.hex(content)
        self.alert = alert
    }

    /// Whether the alert still applies at `instant`: its end time has not passed. An alert issued
    /// ahead of its start counts: subscribers hear about it as soon as it is issued.
    public func isInForce(at instant: Date) -> Bool {
        alert.end > instant
    }
}
