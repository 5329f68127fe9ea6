import Synchronization
public import WeatherCore

/// A ``/WeatherCore/WeatherClientObserver`` that keeps every event, for a test to look at afterwards.
///
/// ```swift
/// let observer = RecordingObserver()
/// let client = WeatherClient(transport: transport, observer: observer)
/// _ = try await client.current(for: place)
/// XCTAssertEqual(observer.events(.lookup).map(\.cacheStatus), [.miss])
/// ```
public final class RecordingObserver: WeatherClientObserver {
    private let recorded = Mutex<[WeatherClientEvent]>([])

    /// An observer that has seen nothing yet.
    public init() {}

    /// Keeps `event`.
    public func record(_ event: WeatherClientEvent) { recorded.withLock { $0.append(event) } }

    /// Every event so far, in order.
    public var events: [WeatherClientEvent] { recorded.withLock { $0 } }

    /// The events of one kind, in order.
    public func events(_ kind: WeatherClientEvent.Kind) -> [WeatherClientEvent] {
        recorded.withLock { $0.filter { $0.kind == kind } }
    }

    /// Forgets the events seen so far.
    public func reset() { recorded.withLock { $0.removeAll() } }
}
