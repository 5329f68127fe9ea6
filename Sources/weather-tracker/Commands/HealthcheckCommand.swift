import ArgumentParser
import HTTPTypes
import WeatherCore
import WeatherHTTP

/// `weather-tracker healthcheck`: GET `/health` of a running service; exit 0 when it answers 200
/// within 2 s, else 1. The container's HEALTHCHECK, so the image needs no curl binary.
struct HealthcheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exit 0 when the service's /health answers 200 within 2 seconds, else 1.")

    @Option(help: "The URL to check.") var url = "http://127.0.0.1:8000/health"

    func run() async throws {
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
}
