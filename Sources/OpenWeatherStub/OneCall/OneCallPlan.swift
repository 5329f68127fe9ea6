/// Which One Call versions the stub's key is subscribed to, as OpenWeather's "One Call by Call"
/// subscription decides it per account: a path of a version the plan lacks answers 401 with
/// OpenWeather's own text (``OneCallVersion/notSubscribedMessage``), after the key check.
///
/// `weather-tracker stub --onecall-plan 3.0|4.0|both|none` sets it (the raw values).
public enum OneCallPlan: String, Sendable, CaseIterable {
    /// One Call 3.0 only: `/data/4.0/onecall/…` answers 401.
    case oneCall3 = "3.0"
    /// One Call 4.0 only: `/data/3.0/onecall…` answers 401 (OpenWeather's text for a 4.0-only key).
    case oneCall4 = "4.0"
    /// Both versions (the default; the live service never sells both to one account, but tests need both).
    case both
    /// Neither: every One Call path answers 401, the rest of the API works.
    case noOneCall = "none"

    /// Whether a key on this plan may call `version`.
    public func includes(_ version: OneCallVersion) -> Bool {
        switch self {
        case .both: return true
        case .noOneCall: return false
        case .oneCall3: return version == .v3
        case .oneCall4: return version == .v4
        }
    }
}

/// A One Call API version, known by its path prefix.
public enum OneCallVersion: String, Sendable, CaseIterable {
    /// `/data/3.0/onecall` and its `timemachine`, `day_summary` and `overview`.
    case v3 = "3.0"
    /// `/data/4.0/onecall/…`: `current`, the four timelines and `alert/{id}`.
    case v4 = "4.0"

    /// The version whose family `path` belongs to, or `nil` for every other path.
    init?(path: String) {
        for version in Self.allCases where path == version.pathPrefix || path.hasPrefix(version.pathPrefix + "/") {
            self = version
            return
        }
        return nil
    }

    /// `/data/3.0/onecall` or `/data/4.0/onecall`.
    public var pathPrefix: String { "/data/\(rawValue)/onecall" }

    /// OpenWeather's 401 text for a key without this version (verbatim for 3.0; 4.0 says `One Call 4.0`).
    public var notSubscribedMessage: String {
        "Please note that using One Call \(rawValue) requires a separate subscription to the One Call by Call plan. "
            + "Learn more here https://openweathermap.org/price. If you have a valid subscription to the One Call "
            + "by Call plan, but still receive this error, then please see https://openweathermap.org/faq#error401 "
            + "for more info."
    }
}
