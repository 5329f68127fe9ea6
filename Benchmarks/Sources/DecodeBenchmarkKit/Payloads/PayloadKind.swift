/// The OpenWeather responses the benchmark decodes, one sub-folder of payloads each.
package enum PayloadKind: String, CaseIterable, Sendable {
    case current
    case forecast
    case onecall
    case air
    case geocode

    /// The payload sub-folder: the anchors' layout (`current forecast onecall air geo`).
    package var folder: String {
        self == .geocode ? "geo" : rawValue
    }

    /// Parses `--kind`: a kind's name or its folder name.
    package init?(argument: String) {
        if let kind = Self.allCases.first(where: { $0.rawValue == argument || $0.folder == argument }) {
            self = kind
        } else {
            return nil
        }
    }
}
