import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a TLS Redis could not be started for a test (no `redis-server` or `openssl`): tests skip
/// on it, and fail under `CI=true`.
public struct TLSRedisUnavailable: Error, CustomStringConvertible {
    /// What is missing and how to install it.
    public let message: String
    /// The message.
    public var description: String { message }
}

/// Debian's `redis-server` on 127.0.0.1, serving TLS only (`--port 0 --tls-port N`), with
/// certificates from ``TLSMaterial`` — started by the test, stopped by PID in ``stop()``.
public final class TLSRedisServer {
    /// The TLS port.
    public let port: Int
    /// The CA, server and client certificates.
    public let material: TLSMaterial
    private let requireClientCertificates: Bool
    private let directory: URL
    private var process: Process?

    /// Generates certificates and starts the server on a free port.
    ///
    /// - Parameter requireClientCertificates: `--tls-auth-clients yes` instead of `optional`.
    /// - Throws: ``TLSRedisUnavailable`` when `redis-server` or `openssl` is missing.
    public init(requireClientCertificates: Bool = false) throws {
        material = try TLSMaterial.generate()
        directory = material.directory
        self.requireClientCertificates = requireClientCertificates
        port = try Self.freePort()
        try start()
    }

    deinit { stop() }

    /// `rediss://HOST:PORT/0`; `localhost` by default, so the name check and SNI are exercised.
    public func url(host: String = "localhost") -> String { "rediss://\(host):\(port)/0" }

    /// Launches the server on ``port`` (again, after ``kill9()``) and waits until it accepts TCP.
    public func start() throws {
        guard let executable = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            throw TLSRedisUnavailable(message: "redis-server is not installed (apt-get install redis-server)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--port", "0", "--tls-port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", directory.path, "--daemonize", "no", "--logfile", directory.appendingPathComponent("redis.log").path,
            "--tls-cert-file", material.serverCertificateFile, "--tls-key-file", material.serverKeyFile,
            "--tls-ca-cert-file", material.caFile, "--tls-auth-clients", requireClientCertificates ? "yes" : "optional",
        ]
        try process.run()
        self.process = process
        for _ in 0..<200 {  // bounded: at most ~4 s
            if Self.accepts(port: port) { return }
            if !process.isRunning { break }
            usleep(20_000)
        }
        let log = (try? String(contentsOf: directory.appendingPathComponent("redis.log"), encoding: .utf8)) ?? ""
        kill9()
        throw TLSRedisUnavailable(message: "redis-server with TLS on port \(port) did not start: \(log.suffix(400))")
    }

    /// `kill -9`: the server vanishes without closing anything gracefully.
    public func kill9() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// Kills the server (by PID) and removes its directory, keys included.
    public func stop() {
        kill9()
        material.remove()
    }

    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw TLSRedisUnavailable(message: "no free port on 127.0.0.1") }
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
