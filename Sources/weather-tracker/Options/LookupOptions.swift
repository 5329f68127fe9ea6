public import ArgumentParser
public import WeatherCore

/// The options every lookup subcommand shares: output, units, language, upstream and cache.
struct LookupOptions: ParsableArguments {
    @Option(
        help: """
            Units: metric, imperial or standard. Text defaults to metric; --json to OpenWeather's own units \
            (kelvin, m/s) unless --units is given. JSON names each unit in its key.
            """)
    var units: UnitSystem?

    @Option(name: .customLong("lang"), help: "Language of condition descriptions, e.g. de, fr, zh_cn (OpenWeather's default: en).")
    var language: String?

    @Flag(help: "Print the model(s) as JSON instead of text.")
    var json = false

    @Flag(name: .shortAndLong, help: "Report each lookup's cache status and age on stderr.")
    var verbose = false

    @Flag(help: "Use the built-in OpenWeather stub (synthetic weather, no key or network needed).")
    var demo = false

    @Option(help: "OpenWeather API key (default: $OPENWEATHER_API_KEY, or the file $OPENWEATHER_API_KEY_FILE). Without one, the demo stub is used.")
    var apiKey: String?

    @Option(help: "Upstream base URL (default: $OPENWEATHER_BASE_URL, else https://api.openweathermap.org).")
    var baseURL: String?

    @Option(help: "Redis cache, redis://[:password@]host:port/db or rediss:// for TLS (default: $REDIS_URL or $REDIS_HOST/$REDIS_PORT).")
    var redisURL: String?
}

extension UnitSystem: ExpressibleByArgument {
    /// Parses `metric`, `imperial` or `standard`, ignoring case.
    public init?(argument: String) { self.init(parameter: argument) }
}

extension TimelineStep: ExpressibleByArgument {
    /// Parses `1min`, `15min`, `1h` or `1day`.
    public init?(argument: String) { self.init(rawValue: argument.trimmingWhitespace().lowercased()) }

    /// The values `--help` lists.
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
