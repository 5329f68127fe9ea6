/// The OpenWeather responses the benchmark decodes, one sub-folder of payloads each.
package enum PayloadKind: String, CaseIterable, Sendable {
    case current
    case forecast
    case onecall
    case air
    case geocode
    case onecall4Current = "onecall4-current"
    case onecall4Minutely = "onecall4-1min"
    case onecall4QuarterHourly = "onecall4-15min"
    case onecall4Hourly = "onecall4-1h"
    case onecall4Daily = "onecall4-1day"

    /// Whether the kind is a One Call 4.0 page, measured together in the `onecall4 kinds` row.
    package var isOneCall4: Bool { rawValue.hasPrefix("onecall4-") }

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
