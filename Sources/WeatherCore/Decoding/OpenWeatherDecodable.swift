public import Foundation

/// A model decoded straight from the bytes of an OpenWeather response body, in one pass.
///
/// Every response model conforms (``CurrentWeather``, ``Forecast``, ``OneCall``, …), so
/// ``WeatherClient`` and the caches can handle them generically.
public protocol OpenWeatherDecodable: Sendable {
    /// Decodes a complete JSON document.
    ///
    /// - Throws: ``WeatherError`` with code ``WeatherError/Code/decodingFailed`` naming the JSON
    ///   path, the offending token and its byte offset.
    init(jsonBytes bytes: [UInt8]) throws(WeatherError)

    /// When the data was observed (`dt`), so a cache never replaces newer data with older.
    var observedAt: Date? { get }
}

extension OpenWeatherDecodable {
    /// Models without a single observation time never block a replacement.
    public var observedAt: Date? { nil }
}
