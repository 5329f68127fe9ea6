import Foundation
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
        self.port = try port ?? Self.freePort()
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
            if Self.accepts(port: port) { return }
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

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return result == 0
    }

    /// A port that was free a moment ago (bound to port 0, read back, closed).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw NSError(domain: "RedisServerProcess", code: 2) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
