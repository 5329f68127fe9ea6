/// Receives ``WeatherClientEvent``s: bridge it to swift-metrics or a logger in the service.
///
/// Called synchronously on the lookup path: keep it cheap and non-blocking.
///
/// ```swift
/// struct PrintObserver: WeatherClientObserver {
///     func record(_ event: WeatherClientEvent) { print(event) }
/// }
/// ```
public protocol WeatherClientObserver: Sendable {
    /// Records one event.
    func record(_ event: WeatherClientEvent)
}
