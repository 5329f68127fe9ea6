import Dispatch
import Foundation
import Synchronization
import XCTest

/// What one run of the `weather-tracker` executable printed and returned.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `weather-tracker` executable as a subprocess, with a bounded wait.
enum CLIProcess {
    /// The executable next to the test bundle (`.build/debug/weather-tracker`); the test target
    /// depends on the executable target, so it is built before the tests run.
    static var executableURL: URL {
        get throws {
            let bundle = Bundle.main.bundleURL
            let packageRoot = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            let candidates = [
                bundle.appendingPathComponent("weather-tracker"),
                bundle.deletingLastPathComponent().appendingPathComponent("weather-tracker"),
                packageRoot.appendingPathComponent(".build/debug/weather-tracker"),
            ]
            for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
            throw XCTSkip("weather-tracker executable not found; looked at \(candidates.map(\.path))")
        }
    }

    /// The test process's environment without any upstream or cache configuration, and without colour.
    static func cleanEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in [
            "OPENWEATHER_API_KEY", "OPENWEATHER_BASE_URL", "REDIS_URL", "REDIS_HOST", "REDIS_PORT", "REDIS_PASSWORD",
            "DEMO", "HOST", "PORT", "OPENWEATHER_API_KEY_FILE", "REDIS_PASSWORD_FILE", "REDIS_TLS_CA_FILE",
            "REDIS_TLS_CERT_FILE", "REDIS_TLS_KEY_FILE",
        ] {
            environment[name] = nil
        }
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        return environment
    }

    /// Runs the executable with `arguments`; kills it (by its pid) if it outlives `timeout`.
    static func run(
        _ arguments: [String], environment extra: [String: String] = [:], timeout: TimeInterval = 60
    ) async throws -> CLIResult {
        let process = Process()
        process.executableURL = try executableURL
        process.arguments = arguments
        process.environment = cleanEnvironment(extra)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        return await withCheckedContinuation { continuation in
            // Blocking reads and waits run on their own threads, never on the cooperative pool.
            DispatchQueue.global().async {
                let group = DispatchGroup()
                let stdout = Collected()
                let stderr = Collected()
                DispatchQueue.global().async(group: group) {
                    stdout.set(out.fileHandleForReading.readDataToEndOfFile())
                }
                DispatchQueue.global().async(group: group) {
                    stderr.set(err.fileHandleForReading.readDataToEndOfFile())
                }
                if exited.wait(timeout: .now() + timeout) == .timedOut {
                    kill(process.processIdentifier, SIGKILL)
                    _ = exited.wait(timeout: .now() + 5)
                }
                _ = group.wait(timeout: .now() + 5)
                continuation.resume(
                    returning: CLIResult(
                        status: process.isRunning ? -1 : process.terminationStatus,
                        stdout: String(decoding: stdout.get(), as: UTF8.self),
                        stderr: String(decoding: stderr.get(), as: UTF8.self)))
            }
        }
    }

    /// Parses `text` as a JSON object (or fails the test).
    static func jsonObject(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try XCTUnwrap(value as? [String: Any], "not a JSON object: \(text.prefix(200))", file: file, line: line)
    }
}

/// Bytes read on one thread and taken on another.
private final class Collected: Sendable {
    private let data = Mutex(Data())
    func set(_ value: Data) { data.withLock { $0 = value } }
    func get() -> Data { data.withLock { $0 } }
}
