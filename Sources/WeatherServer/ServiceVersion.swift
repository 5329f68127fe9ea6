import WeatherServerCore
import WeatherPages

/// The version of the service: what `/health` reports, the start-up line says and the OpenAPI
/// document carries.
public enum ServiceVersion {
    /// The release of the service.
    public static let current = "0.2.0"
}
