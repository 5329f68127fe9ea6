public import ServiceLifecycle
import WeatherServerCore
import WeatherPages

/// A `Service` for a resource that has nothing to run but must be closed in order: it waits for
/// graceful shutdown, then runs `shutdown` (the client's background refreshes draining). Curl,
/// Redis and the stub are `Service`s of their own, with the same shape.
///
/// In the `ServiceGroup` such services come before the HTTP server, so they are shut down after
/// it: every request in flight finishes against live resources first.
public struct ShutdownService: Service, CustomStringConvertible {
    /// What the service closes, for logs.
    public let description: String
    private let shutdown: @Sendable () async -> Void

    /// A service named `name` that runs `shutdown` once graceful shutdown begins (or it is cancelled).
    public init(_ name: String, shutdown: @escaping @Sendable () async -> Void) {
        self.description = name
        self.shutdown = shutdown
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }
}
