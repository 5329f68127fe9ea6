import WeatherServerCore

/// The entry points of the service's libFuzzer targets (`Fuzz/`): a product of its own, so that the
/// parsers they reach stay `package` inside WeatherServer instead of widening its public API.
public enum ServiceFuzzing {
    /// Feeds `bytes` to the request parsers (query string per route, `If-None-Match`,
    /// `X-Forwarded-For`, `X-Request-Id`); traps when an invariant breaks.
    public static func request(_ bytes: [UInt8]) { ParserProbes.request(bytes) }

    /// Feeds `bytes`, read as `NAME=VALUE` lines, to the configuration parser; traps when an
    /// invariant breaks.
    public static func configuration(_ bytes: [UInt8]) { ParserProbes.configuration(bytes) }
}
