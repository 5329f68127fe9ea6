import Foundation
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `weather-tracker serve` run as a subprocess on a free loopback port for the length of one
/// closure, then stopped by its pid with SIGTERM (SIGKILL if it outlives 10 s).
struct ServeProcess: Sendable {
    /// The port it listens on.
    let port: Int
    /// Its process id.
    let pid: Int32
    /// Where its stdout and stderr go.
    let log: URL

    /// What it has logged so far.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// One HTTP answer.
    struct Answer: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        /// The body as a JSON object.
        func json() throws -> [String: Any] { try CLIProcess.jsonObject(String(decoding: body, as: UTF8.self)) }
    }

    /// GETs `path` (a path and query) from the service.
    func get(_ path: String) async throws -> Answer {
        let url = try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)\(path)"))
        let (data, response) = try await URLSession.shared.data(from: url)
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for case (let name as String, let value as String) in http.allHeaderFields { headers[name.lowercased()] = value }
        return Answer(status: http.statusCode, headers: headers, body: data)
    }

    /// Starts `serve` with `environment` (over the clean test environment), waits until `/health`
    /// answers (at most 60 s), runs `body`, and stops the process.
    ///
    /// With `fileLimit`, both its open-files limits are set to it first (`ulimit -n` in a shell
    /// that then execs `serve`, so the pid is the service's): the service cannot raise it.
    static func withRunning(
        environment extra: [String: String], fileLimit: Int? = nil, _ body: (ServeProcess) async throws -> Void
    ) async throws {
        let port = try freePort()
        let process = Process()
        if let fileLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", "ulimit -n \(fileLimit) && exec \"$0\" serve", try CLIProcess.executableURL.path]
        } else {
            process.executableURL = try CLIProcess.executableURL
            process.arguments = ["serve"]
        }
        process.environment = CLIProcess.cleanEnvironment(
            ["HOST": "127.0.0.1", "PORT": String(port), "LOG_LEVEL": "warning"].merging(extra) { $1 })
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            try? handle.close()
            try? FileManager.default.removeItem(at: log)
        }
        let service = ServeProcess(port: port, pid: process.processIdentifier, log: log)
        let deadline = Date().addingTimeInterval(60)
        while true {
            if let answer = try? await service.get("/health"), answer.status == 200 { break }
            guard process.isRunning, Date() < deadline else {
                let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                XCTFail("serve never answered /health on port \(port): \(output.suffix(2000))")
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        try await body(service)
    }

    /// A loopback port nothing listens on right now (bound, read back, released).
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw CocoaError(.fileNoSuchFile) }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(descriptor, raw, length) == 0 && getsockname(descriptor, raw, &length) == 0
            }
        }
        guard bound else { throw CocoaError(.fileNoSuchFile) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
