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
        port = try LoopbackPort.free()
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
            if LoopbackPort.accepts(port) { return }
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
}
