/// Parts of a One Call 3.0 response, for its `exclude` parameter.
///
/// `exclude: [.minutely, .alerts]` sends `exclude=minutely,alerts`, in the order listed here.
public struct OneCallSections: OptionSet, Sendable, Hashable, CustomStringConvertible {
    /// The bits.
    public let rawValue: UInt8

    /// Creates a set from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `current`: the weather now.
    public static let current = OneCallSections(rawValue: 1 << 0)
    /// `minutely`: precipitation for the next hour, minute by minute.
    public static let minutely = OneCallSections(rawValue: 1 << 1)
    /// `hourly`: 48 hours.
    public static let hourly = OneCallSections(rawValue: 1 << 2)
    /// `daily`: 8 days.
    public static let daily = OneCallSections(rawValue: 1 << 3)
    /// `alerts`: national weather alerts.
    public static let alerts = OneCallSections(rawValue: 1 << 4)

    /// Every section.
    public static let all: OneCallSections = [.current, .minutely, .hourly, .daily, .alerts]

    /// The parameter names of the sections in the set, in the API's order.
    public var names: [String] {
        let ordered: [(OneCallSections, String)] = [
            (.current, "current"), (.minutely, "minutely"), (.hourly, "hourly"), (.daily, "daily"),
            (.alerts, "alerts"),
        ]
        return ordered.filter { contains($0.0) }.map(\.1)
    }

    /// The names joined by commas, e.g. `minutely,alerts` (empty for an empty set).
    public var description: String { names.joined(separator: ",") }
}
