import Foundation
import WeatherCore
import WeatherServerCore
import WeatherPages

/// The body of `GET /v1/quota`: a ``QuotaSnapshot`` with the account named by its key's
/// fingerprint — never the key.
struct QuotaDocument: Codable {
    /// ``APIKey/fingerprint`` of the service's key: the name of the account's quota in Redis.
    var keyFingerprint: String
    /// `shared` (Redis, every replica's calls) or `local` (this process only: no Redis, or Redis unreachable).
    var scope: String
    /// When the figures were read.
    var takenAt: Date
    /// The account's sliding 60-second window, every endpoint family together; absent without a per-minute limit.
    var perMinute: Usage?
    /// The UTC day of each family with a daily budget (One Call: `onecall`).
    var daily: [String: Usage]
    /// The 429 cooldown: every upstream call waits while it is active.
    var cooldown: Cooldown

    struct Usage: Codable {
        var limit: Int
        var used: Int
        var remaining: Int
        /// When a spent call comes back (the oldest call leaving the window; the next UTC midnight).
        var resetsAt: Date?
    }

    struct Cooldown: Codable {
        var active: Bool
        /// Whole seconds left, rounded up (0 when inactive).
        var remainingS: Int
        var until: Date?
    }

    init(_ snapshot: QuotaSnapshot, keyFingerprint: String) {
        self.keyFingerprint = keyFingerprint
        scope = snapshot.scope.rawValue
        takenAt = snapshot.takenAt
        perMinute = snapshot.perMinute.map(Usage.init)
        daily = Dictionary(uniqueKeysWithValues: snapshot.daily.map { ($0.key.rawValue, Usage($0.value)) })
        let left = snapshot.cooldownRemaining.map { Int($0.seconds.rounded(.up)) } ?? 0
        cooldown = Cooldown(
            active: left > 0, remainingS: left,
            until: left > 0 ? snapshot.cooldownRemaining.map { snapshot.takenAt.addingTimeInterval($0.seconds) } : nil)
    }
}

extension QuotaDocument.Usage {
    init(_ usage: QuotaUsage) {
        self.init(limit: usage.limit, used: usage.used, remaining: usage.remaining, resetsAt: usage.resetsAt)
    }
}
