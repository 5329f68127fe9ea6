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
            Configuration comes from the environment; each flag overrides its variable. Without \
            OPENWEATHER_API_KEY the service runs in demo mode against the embedded OpenWeather stub, and /ready \
            answers 503 until a key is set (DEMO=1 or --demo runs a demo on purpose: /ready 200); without \
            REDIS_URL or REDIS_HOST it caches in memory. SIGTERM or SIGINT shut it down gracefully (bounded by \
            SHUTDOWN_TIMEOUT). Invalid configuration exits with status 2 before binding the port. \
            OpenTelemetry's OTEL_* variables turn tracing on (docs/observability.md).

            Settings (variable, its flag, its default):
            \(ServiceConfiguration.settings.helpText)
            """
    )

    @Option(name: flag("HOST"), help: help("HOST")) var host: String?
    @Option(name: flag("PORT"), help: help("PORT")) var port: Int?
    @Option(name: flag("REDIS_URL"), help: help("REDIS_URL")) var redisURL: String?
    @Option(name: flag("LOG_LEVEL"), help: help("LOG_LEVEL")) var logLevel: String?
    @Option(name: flag("LOG_FORMAT"), help: help("LOG_FORMAT")) var logFormat: String?
    @Option(name: flag("SHUTDOWN_TIMEOUT"), help: help("SHUTDOWN_TIMEOUT")) var shutdownTimeout: String?
    @Option(name: flag("TRACKED_PLACES"), help: help("TRACKED_PLACES")) var trackedPlaces: String?
    @Option(name: flag("QUOTA_REPLICAS"), help: help("QUOTA_REPLICAS")) var quotaReplicas: Int?
    @Option(name: flag("CLIENT_LIMIT"), help: help("CLIENT_LIMIT")) var clientLimit: String?
    @Option(name: flag("CLIENT_LIMIT_RATE"), help: help("CLIENT_LIMIT_RATE")) var clientLimitRate: String?
    @Option(name: flag("CLIENT_LIMIT_BURST"), help: help("CLIENT_LIMIT_BURST")) var clientLimitBurst: String?
    @Option(name: flag("TRUSTED_PROXY_HOPS"), help: help("TRUSTED_PROXY_HOPS")) var trustedProxyHops: String?
    @Flag(name: flag("DEMO"), help: help("DEMO")) var demo = false

    /// The flag ``ServiceConfiguration/settings`` gives `variable`: the flags cannot drift from the
    /// documentation made from the same rows.
    static func flag(_ variable: String) -> NameSpecification {
        let flag = ServiceConfiguration.setting(for: variable)?.flags[variable] ?? "--" + variable.lowercased()
        return .customLong(String(flag.drop { $0 == "-" }))
    }

    /// The flag's help: its setting's meaning and the variable it overrides.
    static func help(_ variable: String) -> ArgumentHelp {
        ArgumentHelp("\(ServiceConfiguration.setting(for: variable)?.plainMeaning ?? "") (\(variable)).")
    }

    func run() async throws {
        var environment: [String: String]
        do {
            environment = try await ConfigurationSources.resolve(ProcessEnvironment.current)
        } catch {
            Console.err(error.description)
            throw ExitCode(ExitStatus.usage.rawValue)
        }
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
