import WeatherServerCore
package import WeatherCore

/// The footer's one line on the upstream budget: what is left today (One Call's daily budget),
/// or of the minute when no family has a daily budget — from the same figures as `GET /v1/quota`.
package enum BudgetLine {
    /// The line for `client`'s quota now, or `nil` when the figures cannot be read (the footer
    /// then leaves it out rather than delaying or failing the page).
    package static func load(_ client: WeatherClient) async -> String? {
        guard let snapshot = try? await client.quotaSnapshot() else { return nil }
        return text(snapshot)
    }

    /// `Upstream budget left today: 987 of 1000 One Call calls (shared by every replica).`
    package static func text(_ snapshot: QuotaSnapshot) -> String {
        let whose = snapshot.scope == .shared ? "shared by every replica" : "local to this replica"
        var parts: [String] = []
        for (family, usage) in snapshot.daily.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            parts.append("\(usage.remaining) of \(usage.limit) \(name(of: family)) calls")
        }
        var line: String
        if !parts.isEmpty {
            line = "Upstream budget left today: " + parts.joined(separator: ", ")
        } else if let minute = snapshot.perMinute {
            line = "Upstream budget: \(minute.remaining) of \(minute.limit) calls left this minute"
        } else {
            line = "Upstream budget: unlimited"
        }
        line += " (\(whose))"
        if let cooldown = snapshot.cooldownRemaining {
            line += "; paused \(Int(cooldown.seconds.rounded(.up))) s after a rate limit from OpenWeather"
        }
        return line + "."
    }

    private static func name(of family: EndpointFamily) -> String {
        family == .oneCall ? "One Call" : family.rawValue
    }
}
