import ArgumentParser
import HTTPTypes
import WeatherCore
import WeatherHTTP
import WeatherServer
import WeatherServerCore

/// `weather-tracker healthcheck`: GET `/health` of a running service; exit 0 when it answers 200
/// within 2 s, else 1. The container's HEALTHCHECK, so the image needs no curl binary.
///
/// Without `--url` it checks the service that `serve` would run with this environment: the same
/// `HOST` and `PORT` (a wildcard host is reached on loopback), so `-e PORT=9000` moves both.
struct HealthcheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exit 0 when the service's /health answers 200 within 2 seconds, else 1.",
        discussion: "Checks http://HOST:PORT/health as `serve` reads HOST and PORT (0.0.0.0 and :: mean loopback).")

    @Option(help: "The URL to check (default: /health at the HOST and PORT that serve would bind).") var url: String?

    func run() async throws {
        let url: String
        do {
            url = try self.url ?? Self.healthURL(environment: ProcessEnvironment.current)
        } catch {
            Console.err("unhealthy: \(error)")
            throw ExitCode(1)
        }
        let transport = CurlTransport(configuration: .init(connectTimeout: .seconds(2), timeout: .seconds(2)))
        let status: Int
        do {
            status = try await transport.send(TransportRequest(url: url)).head.status.code
        } catch {
            await transport.shutdown()
            Console.err("unhealthy: \(error)")
            throw ExitCode(1)
        }
        await transport.shutdown()
        guard status == 200 else {
            Console.err("unhealthy: \(url) answered \(status)")
            throw ExitCode(1)
        }
    }

    /// `http://HOST:PORT/health` for the configuration `serve` reads from `environment`.
    static func healthURL(environment: [String: String]) throws(ConfigurationError) -> String {
        let configuration = try ServiceConfiguration(environment: environment)
        let host: String
        switch configuration.host {
        case "0.0.0.0", "": host = "127.0.0.1"
        case "::", "[::]": host = "[::1]"
        case let named where named.contains(":") && !named.hasPrefix("["): host = "[\(named)]"
        case let named: host = named
        }
        return "http://\(host):\(configuration.port)/health"
    }
}
