/// One row of the service's settings: the environment variables it reads, the `serve` flags that
/// override them, its default and what it means.
///
/// ``ServiceConfiguration/settings`` lists every row once, in documentation order. The environment
/// reader reads no variable that is not described there, and `weather-tracker serve --help`, the
/// table in docs/configuration.md and the README's essential settings are all made from it, so none
/// of them can name a setting the service does not read or miss one it does.
public struct ServiceSetting: Sendable, Equatable {
    /// The variables of this row, e.g. `["OPENWEATHER_API_KEY", "OPENWEATHER_API_KEY_FILE"]`.
    public var variables: [String]
    /// The `serve` flag of each variable that has one, e.g. `["HOST": "--host"]`.
    public var flags: [String: String]
    /// The default, in Markdown (`—` when there is none).
    public var defaultValue: String
    /// What the setting means and takes, in Markdown; links are relative to docs/.
    public var meaning: String
    /// Whether it is one of the few most deployments set (the README's table).
    public var isEssential: Bool

    /// Creates a row.
    public init(
        _ variables: [String], flags: [String: String] = [:], default defaultValue: String = "—", _ meaning: String,
        essential isEssential: Bool = false
    ) {
        self.variables = variables
        self.flags = flags
        self.defaultValue = defaultValue
        self.meaning = meaning
        self.isEssential = isEssential
    }

    /// The row's variables in Markdown, each in a code span with its flag after it in parentheses.
    public var markdownVariables: String {
        variables.map { name in "`\(name)`" + (flags[name].map { " (`\($0)`)" } ?? "") }.joined(separator: ", ")
    }

    /// The row's meaning as plain text (code spans unquoted, links reduced to their text), for `--help`.
    public var plainMeaning: String { Self.plain(meaning) }

    /// `markdown` without its code spans' backquotes, and each `[text](target)` reduced to its page in
    /// the repository: `docs/target` (the links are relative to docs/).
    static func plain(_ markdown: String) -> String {
        var text = ""
        var rest = Substring(markdown)
        while let open = rest.firstIndex(of: "[") {
            text += rest[..<open].replacing("`", with: "")
            let afterOpen = rest[rest.index(after: open)...]
            guard let close = afterOpen.firstIndex(of: "]"), afterOpen[close...].hasPrefix("]("),
                let end = afterOpen[close...].firstIndex(of: ")")
            else {
                text += "["
                rest = afterOpen
                continue
            }
            text += "docs/" + afterOpen[afterOpen.index(close, offsetBy: 2)..<end]
            rest = afterOpen[afterOpen.index(after: end)...]
        }
        return text + rest.replacing("`", with: "")
    }
}

extension [ServiceSetting] {
    /// A Markdown table of these rows (variable and flag, default, meaning). `linkPrefix` goes
    /// before each relative link's target: `docs/` for a table in the README.
    public func markdownTable(linkPrefix: String = "") -> String {
        var lines = ["| variable (flag) | default | meaning |", "|---|---|---|"]
        for setting in self {
            let meaning = linkPrefix.isEmpty ? setting.meaning : setting.meaning.replacing("](", with: "](" + linkPrefix)
            lines.append("| \(setting.markdownVariables) | \(setting.defaultValue) | \(meaning) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// These rows as plain text for `--help`, one paragraph each (a help screen re-wraps lines):
    /// `- PORT (--port) [default: 8000]: the port to listen on (0 picks a free one)`.
    public var helpText: String {
        map { setting in
            let names = setting.variables.map { name in name + (setting.flags[name].map { " (\($0))" } ?? "") }
            let defaultValue = ServiceSetting.plain(setting.defaultValue)
            return "- " + names.joined(separator: ", ") + (defaultValue == "—" ? "" : " [default: \(defaultValue)]")
                + ": " + setting.plainMeaning
        }.joined(separator: "\n")
    }
}
