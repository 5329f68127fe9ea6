public import Foundation

/// The upstream budget at one moment, as a ``QuotaStore`` sees it: what is spent and left of the
/// account's per-minute window and of each daily budget, and the 429 cooldown — read without
/// spending anything (``QuotaStore/snapshot()``).
///
/// The per-minute window is the account's, every family together (OpenWeather counts the calls of
/// one key, whatever the endpoint); the daily budgets are per family (One Call's 1,000 a day).
public struct QuotaSnapshot: Sendable, Equatable {
    /// Where the figures come from.
    public var scope: QuotaScope
    /// The sliding 60-second window of the account; `nil` without a per-minute limit.
    public var perMinute: QuotaUsage?
    /// The UTC day of each family with a daily budget (``QuotaPolicy/dailyBudget``).
    public var daily: [EndpointFamily: QuotaUsage]
    /// What is left of a 429 cooldown; `nil` when upstream may be called.
    public var cooldownRemaining: Duration?
    /// When the figures were read (wall clock).
    public var takenAt: Date

    /// Creates a snapshot.
    public init(
        scope: QuotaScope, perMinute: QuotaUsage?, daily: [EndpointFamily: QuotaUsage] = [:],
        cooldownRemaining: Duration? = nil, takenAt: Date
    ) {
        self.scope = scope
        self.perMinute = perMinute
        self.daily = daily
        self.cooldownRemaining = cooldownRemaining
        self.takenAt = takenAt
    }
}

/// Whose books a ``QuotaSnapshot`` reads.
///
/// A struct over a string rather than an enum, so that new scopes do not break users.
public struct QuotaScope: Hashable, Sendable, CustomStringConvertible {
    /// `shared` or `local`.
    public let rawValue: String

    /// Creates a scope; prefer the static members.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// The store every replica holding the key shares (Redis): the account's figures.
    public static let shared = QuotaScope("shared")
    /// This process's own books: no shared store is configured, or it cannot be reached and the
    /// replica spends its divided share (``FallbackQuotaStore``).
    public static let local = QuotaScope("local")

    /// The raw value.
    public var description: String { rawValue }
}

/// One budget of a ``QuotaSnapshot``: its limit, the calls spent, and when a spent call comes back.
public struct QuotaUsage: Sendable, Equatable {
    /// The calls allowed in the window (a minute, or a UTC day).
    public var limit: Int
    /// The calls spent in it; may exceed ``limit`` when a store counted calls it did not grant.
    public var used: Int
    /// When a spent call comes back: for the sliding minute, the oldest call in the window leaving
    /// it (`nil` when the window is empty); for a day, the next UTC midnight.
    public var resetsAt: Date?

    /// Creates a usage.
    public init(limit: Int, used: Int, resetsAt: Date?) {
        self.limit = limit
        self.used = used
        self.resetsAt = resetsAt
    }

    /// The calls still allowed in the window (never below zero).
    public var remaining: Int { max(0, limit - used) }
}

extension QuotaSnapshot {
    /// The next UTC midnight after `date`: when every daily budget starts again.
    public static func nextUTCMidnight(after date: Date) -> Date {
        let day = (date.timeIntervalSince1970 / 86400).rounded(.down)
        return Date(timeIntervalSince1970: (day + 1) * 86400)
    }
}
