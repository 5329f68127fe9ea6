import ArgumentParser
import Foundation
import Logging
import OTLPTracing
import WeatherServer
import WeatherServerCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `weather-tracker serve`: the Weather Tracker HTTP service, configured from the environment
/// (flags win over their variables).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Weather Tracker HTTP service (port 8000 by default).",
        discussion: """
            Configuration comes from the environment; each flag overrides its variable. \
            Variables: \(ServiceConfiguration.variables.joined(separator: ", ")). \
            Without OPENWEATHER_API_KEY the service runs in demo mode against the embedded OpenWeather stub, \
            and /ready answers 503 until a key is set (DEMO=1 or --demo runs a demo on purpose: /ready 200); \
            without REDIS_URL/REDIS_HOST it caches in memory. SIGTERM or SIGINT shut it down gracefully \
            (bounded by SHUTDOWN_TIMEOUT). Invalid configuration exits with status 2 before binding the port.
            """
    )

    @Option(help: "Address to bind (HOST).") var host: String?
    @Option(help: "Port to bind (PORT); 0 picks a free one.") var port: Int?
    @Option(name: .customLong("redis-url"), help: "redis://[user:password@]host:port/db, or rediss:// for TLS (REDIS_URL).")
    var redisURL: String?
    @Option(help: "trace, debug, info, notice, warning, error or critical (LOG_LEVEL).") var logLevel: String?
    @Option(help: "text or json (LOG_FORMAT).") var logFormat: String?
    @Option(help: "Seconds a graceful shutdown may take (SHUTDOWN_TIMEOUT).") var shutdownTimeout: String?
    @Option(help: "Places kept warm, ;-separated, e.g. \"London,GB;Zürich,CH;40.71,-74.01\" (TRACKED_PLACES).")
    var trackedPlaces: String?
    @Option(help: "Replicas sharing the API key; each spends 1/N of the quota while Redis is down (QUOTA_REPLICAS).")
    var quotaReplicas: Int?
    @Option(name: .customLong("client-limit"), help: "on or off: the per-client limit on uncached lookups (CLIENT_LIMIT).")
    var clientLimit: String?
    @Option(name: .customLong("client-limit-rate"), help: "Uncached lookups per second per client (CLIENT_LIMIT_RATE).")
    var clientLimitRate: String?
    @Option(name: .customLong("client-limit-burst"), help: "Uncached lookups a client may make at once (CLIENT_LIMIT_BURST).")
    var clientLimitBurst: String?
    @Option(name: .customLong("trusted-proxy-hops"), help: "Proxies that append to X-Forwarded-For (TRUSTED_PROXY_HOPS).")
    var trustedProxyHops: String?
    @Flag(help: "Demo mode on purpose (DEMO=1): synthetic weather from the embedded stub, even when OPENWEATHER_API_KEY is set.")
    var demo = false

    func run() async throws {
        var environment = ProcessEnvironment.current
        let flags: [String: String?] = [
            "HOST": host, "PORT": port.map(String.init), "REDIS_URL": redisURL, "LOG_LEVEL": logLevel,
            "LOG_FORMAT": logFormat, "SHUTDOWN_TIMEOUT": shutdownTimeout, "TRACKED_PLACES": trackedPlaces,
            "QUOTA_REPLICAS": quotaReplicas.map(String.init),
            "CLIENT_LIMIT": clientLimit, "CLIENT_LIMIT_RATE": clientLimitRate, "CLIENT_LIMIT_BURST": clientLimitBurst,
            "TRUSTED_PROXY_HOPS": trustedProxyHops,
        ]
        for case (let name, let value?) in flags { environment[name] = value }
        if demo { environment["DEMO"] = "1" }
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration(environment: environment)
            try configuration.resolveBindAddress()
        } catch {
            Console.err(error.description)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let level = configuration.logLevel
        let format = configuration.logFormat
        // With tracing on, each line written inside a span carries its trace_id and span_id.
        let tracing: OTLPTracingConfiguration?
        do {
            tracing = try ServiceTracing.configuration(environment: environment)
        } catch {
            Console.err("invalid configuration: \(error)")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        let provider: Logger.MetadataProvider? = tracing == nil ? nil : .traceContext
        LoggingSystem.bootstrap { label in
            ServiceLogHandler(label: label, level: level, format: format, metadataProvider: provider) {
                Console.out($0)
            }
        }
        let logger = Logger(label: "weather-tracker")
        do {
            let backend = tracing.map { ServiceTracing.bootstrap(configuration: $0, logger: logger) }
            try await ServiceRunner(configuration: configuration, logger: logger, tracing: backend).run()
        } catch {
            logger.critical("the service stopped on an error", metadata: ["error": .string("\(error)")])
            throw ExitCode(ExitStatus.failure.rawValue)
        }
        // Every service has stopped and said so, and every log line went out unbuffered (write(2)).
        // Leave now rather than through exit(3): its atexit handlers and static destructors (the C
        // libraries', the runtime's, with event-loop threads still parked) were seen to hang a
        // finished process for good in the container check, which then needs SIGKILL.
        _exit(0)
    }
}
