public import Foundation

/// A CA, a server certificate for `localhost` and `127.0.0.1`, a client certificate, and a second
/// CA that signed neither — made with `openssl` in a fresh temporary directory at test time, so no
/// key is ever committed. ``remove()`` deletes them.
public struct TLSMaterial: Sendable {
    /// The directory holding every file.
    public let directory: URL
    /// The CA that signed the server and client certificates.
    public var caFile: String { path("ca.crt") }
    /// A CA that signed nothing here: verifying the server against it fails.
    public var wrongCAFile: String { path("wrong-ca.crt") }
    /// The server's certificate (SAN `DNS:localhost`, `IP:127.0.0.1`).
    public var serverCertificateFile: String { path("server.crt") }
    /// The server's key.
    public var serverKeyFile: String { path("server.key") }
    /// A client certificate signed by the CA.
    public var clientCertificateFile: String { path("client.crt") }
    /// The client certificate's key.
    public var clientKeyFile: String { path("client.key") }

    /// Generates the files (P-256 keys, valid for a day).
    ///
    /// - Throws: ``TLSRedisUnavailable`` when `openssl` is missing or fails.
    public static func generate() throws -> TLSMaterial {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("weather-redis-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let material = TLSMaterial(directory: directory)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try material.openssl(["req", "-x509"] + key + ["-keyout", "ca.key", "-out", "ca.crt", "-days", "1", "-subj", "/CN=Weather Test CA"])
        try material.openssl(
            ["req", "-x509"] + key + ["-keyout", "wrong-ca.key", "-out", "wrong-ca.crt", "-days", "1", "-subj", "/CN=Another CA"])
        try Data("subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n".utf8)
            .write(to: directory.appendingPathComponent("server.ext"))
        try Data("extendedKeyUsage=clientAuth\n".utf8).write(to: directory.appendingPathComponent("client.ext"))
        for name in ["server", "client"] {
            try material.openssl(["req"] + key + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", "/CN=\(name == "server" ? "localhost" : "weather-client")"])
            try material.openssl([
                "x509", "-req", "-in", "\(name).csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "\(name).crt", "-days", "1", "-extfile", "\(name).ext",
            ])
        }
        return material
    }

    /// Deletes the directory and every key in it.
    public func remove() { try? FileManager.default.removeItem(at: directory) }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { throw TLSRedisUnavailable(message: "openssl cannot run: \(error)") }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TLSRedisUnavailable(
                message: "openssl \(arguments.first ?? "") failed: \(String(decoding: output, as: UTF8.self))")
        }
    }
}
