/// An OpenWeather API key (`appid`), kept out of every printout.
///
/// `description`, `debugDescription`, string interpolation and `dump` all show `APIKey(REDACTED)`;
/// the value only leaves this type inside the path of the ``TransportRequest`` built by
/// ``OpenWeatherRequest/httpRequest(baseURL:apiKey:)``, whose own descriptions redact it again.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The secret. Internal: nothing outside WeatherCore needs to read it.
    let value: String

    /// Wraps a key as given (surrounding whitespace, as left by a copied line, is removed).
    public init(_ value: String) {
        self.value = value.trimmingWhitespace()
    }

    /// Wraps a key, checking that it can be one: not empty, no spaces or control characters.
    ///
    /// OpenWeather's keys are 32 hexadecimal characters, but the check stays loose so that a
    /// compatible server (a stub, a proxy) can use other keys.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidAPIKey`` naming what is wrong, never the key.
    public init(validating value: String) throws(WeatherError) {
        let key = value.trimmingWhitespace()
        guard !key.isEmpty else {
            throw WeatherError(
                code: .invalidAPIKey,
                message: "The API key is empty: set OPENWEATHER_API_KEY to the key from "
                    + "https://home.openweathermap.org/api_keys.")
        }
        guard key.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }) else {
            throw WeatherError(
                code: .invalidAPIKey,
                message: "The API key contains spaces, control or non-ASCII characters: check OPENWEATHER_API_KEY "
                    + "holds exactly the key from https://home.openweathermap.org/api_keys.")
        }
        self.value = key
    }

    /// Whether the key is empty.
    public var isEmpty: Bool { value.isEmpty }

    /// `APIKey(REDACTED)`.
    public var description: String { "APIKey(\(URLRedaction.placeholder))" }

    /// `APIKey(REDACTED)`.
    public var debugDescription: String { description }

    /// A mirror without children, so `dump` and debuggers' summaries never show the value.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

extension APIKey {
    /// A stable, one-way name for this key: the SHA-256 of `weather-tracker:` followed by the key,
    /// as 64 hexadecimal digits.
    ///
    /// Replicas that hold the same key share one account-wide quota; they find it in Redis under
    /// this fingerprint, so the key itself never reaches a Redis key, value, log line or metric.
    /// (The prefix keeps the digest from matching a plain SHA-256 of the key found elsewhere.)
    public var fingerprint: String {
        SHA256.hex(Array("weather-tracker:".utf8) + Array(value.utf8))
    }
}
