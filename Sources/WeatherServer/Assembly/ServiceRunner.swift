public import Logging
import ServiceLifecycle
import UnixSignals
public import WeatherServerCore
import WeatherPages

/// Runs `weather-tracker serve`: assembles the service from a ``WeatherServerCore/ServiceConfiguration``
/// (``ServiceAssembly/build(configuration:logger:tracing:)``) and runs its parts in one
/// `ServiceGroup` until SIGTERM or SIGINT.
///
/// Start order (shutdown runs in reverse): span export, the embedded stub (demo mode), curl, Redis,
/// the background-refresh drain, the tracked-places refresher, and last the HTTP server — so on a
/// signal the server stops accepting and finishes its in-flight requests first, then the tracker
/// stops, background refreshes drain, and Redis, curl and the stub close. The whole shutdown is
/// bounded by `ServiceConfiguration.shutdownTimeout`.
public struct ServiceRunner: Sendable {
    /// The configuration to run with.
    public let configuration: ServiceConfiguration
    /// The service's logger.
    public let logger: Logger
    /// The tracer and its exporting service when spans are exported; `nil` (the default) when tracing is off.
    public let tracing: TracingBackend?

    /// A runner for `configuration`, with spans recorded by `tracing` when one is given.
    public init(configuration: ServiceConfiguration, logger: Logger, tracing: TracingBackend? = nil) {
        self.configuration = configuration
        self.logger = logger
        self.tracing = tracing
    }

    /// Runs until a termination signal; returns after a graceful shutdown.
    ///
    /// - Parameter onListening: called with the bound port once the server accepts connections.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let assembly = try await ServiceAssembly.build(configuration: configuration, logger: logger, tracing: tracing)
        let services = assembly.services + [assembly.application(onListening: onListening)]
        var groupConfiguration = ServiceGroupConfiguration(
            services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = configuration.shutdownTimeout
        try await ServiceGroup(configuration: groupConfiguration).run()
        logger.info("shut down cleanly")
    }
}
