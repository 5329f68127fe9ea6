import Foundation
import TestSupport
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A `redis-server` this test started on 127.0.0.1 and a free port, in a temporary directory,
/// with persistence off. Always ``stop()`` it (tests do so in `tearDown`): it is killed by PID.
final class RedisServerProcess {
    let port: Int
    let directory: URL
    private let extraArguments: [String]
    private var process: Process?

    /// Starts a server; throws `XCTSkip` when `redis-server` is not installed (a failure in CI).
    init(extraArguments: [String] = [], port: Int? = nil) throws {
        self.port = try port ?? LoopbackPort.free()
        self.extraArguments = extraArguments
        self.directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("weather-redis-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try start()
    }

    var pid: Int32? { process?.processIdentifier }

    var url: String { "redis://127.0.0.1:\(port)/0" }

    /// Launches redis-server on ``port`` and waits (bounded) until it accepts connections.
    func start() throws {
        let executable = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let executable else {
            let message = "redis-server is not installed (apt-get install redis-server)"
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(message) }
            throw XCTSkip(message)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            [
                "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", directory.path, "--daemonize", "no", "--logfile",
                directory.appendingPathComponent("redis.log").path,
            ] + extraArguments
        try process.run()
        self.process = process
        for _ in 0..<200 {  // bounded: at most ~4 s
            if LoopbackPort.accepts(port) { return }
            usleep(20_000)
        }
        throw NSError(
            domain: "RedisServerProcess", code: 1,
            userInfo: [
                NSLocalizedDescriptionKey: "redis-server on port \(port) did not start; see \(directory.path)/redis.log"
            ])
    }

    /// `kill -9`: the server vanishes without closing anything gracefully.
    func kill9() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// Kills the server (by PID) and removes its directory.
    func stop() {
        kill9()
        try? FileManager.default.removeItem(at: directory)
    }

    deinit { stop() }
}
