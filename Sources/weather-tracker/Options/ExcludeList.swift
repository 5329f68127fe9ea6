import WeatherCore

/// Parses `--exclude current,minutely,hourly,daily,alerts` into ``OneCallSections``.
enum ExcludeList {
    /// The sections named in `text` (comma-separated, case and spaces ignored).
    ///
    /// - Throws: ``UsageError`` naming an unknown section and the known ones.
    static func parse(_ text: String?) throws -> OneCallSections {
        guard let text else { return [] }
        var sections: OneCallSections = []
        for raw in text.split(separator: ",") {
            let name = String(raw).trimmingWhitespace().lowercased()
            guard let section = Self.byName[name] else {
                throw UsageError(
                    message: "--exclude: \"\(name)\" is not a section; use current, minutely, hourly, daily, alerts")
            }
            sections.insert(section)
        }
        return sections
    }

    private static let byName: [String: OneCallSections] = [
        "current": .current, "minutely": .minutely, "hourly": .hourly, "daily": .daily, "alerts": .alerts,
    ]
}
