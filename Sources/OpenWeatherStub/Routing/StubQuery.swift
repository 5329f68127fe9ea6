/// A request's query items by name, matched without regard to case.
///
/// OpenWeather takes its key as `appid` or `APPID` (its own docs spell it both ways, and pyowm
/// sends `APPID`); the stub folds every name's case once, here, so each endpoint's lookup of
/// `q`, `lat` or `units` matches the same way and no endpoint special-cases a spelling.
struct StubQuery: Sendable {
    private var values: [String: String] = [:]

    /// An empty query.
    init() {}

    /// The value of `name` in any case (`appid`, `APPID`, `AppId`), or `nil` when absent.
    /// Setting a name that is already there (in any case) replaces its value.
    subscript(name: String) -> String? {
        get { values[Self.key(name)] }
        set { values[Self.key(name)] = newValue }
    }

    private static func key(_ name: String) -> String { name.lowercased() }
}
