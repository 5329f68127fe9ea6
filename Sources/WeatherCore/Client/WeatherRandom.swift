/// The random numbers behind TTL and backoff jitter, injectable so tests are deterministic.
public struct WeatherRandom: Sendable {
    private let next: @Sendable () -> Double

    /// A source returning values in `0..<1` from `next` (values outside are clamped by users).
    public init(_ next: @escaping @Sendable () -> Double) {
        self.next = next
    }

    /// A uniform value in `0..<1`.
    public func unit() -> Double { next() }

    /// The system random number generator.
    public static let system = WeatherRandom { Double.random(in: 0..<1) }

    /// Always `value`: `0.5` gives no TTL jitter and half the maximum backoff.
    public static func constant(_ value: Double) -> WeatherRandom { WeatherRandom { value } }
}
