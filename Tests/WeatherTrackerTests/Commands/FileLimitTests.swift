import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `serve` under a low open-files limit it cannot raise (issue 23, item 1): more connections than
/// it has descriptors. Before the connection cap, running out of descriptors made libdispatch's
/// worker monitor abort the process (SIGILL) about 6 s later.
final class FileLimitTests: XCTestCase {
    func testTheServiceOutlivesMoreConnectionsThanItHasDescriptors() async throws {
        // 256 descriptors: MAX_CONNECTIONS is derived as 112.
        try await ServeProcess.withRunning(environment: ["CLIENT_LIMIT": "off", "LOG_LEVEL": "info"], fileLimit: 256) { service in
            XCTAssertTrue(service.output.contains("at most 112 open at once"), service.output)
            var held: [Int32] = []
            defer { for descriptor in held { close(descriptor) } }
            for _ in 0..<400 {
                if let descriptor = Self.connect(port: service.port) { held.append(descriptor) }
            }
            XCTAssertGreaterThan(held.count, 256, "the connections were made")
            // A lookup on each (upstream through curl, which needs descriptors too): idle
            // connections alone did not bring the old service down; these did, within seconds.
            let lookup = Array("GET /v1/weather/current?city=Oslo HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
            for descriptor in held { _ = lookup.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
            // Longer than the runtime took to abort when descriptors ran out.
            try await Task.sleep(for: .seconds(7))
            XCTAssertEqual(kill(service.pid, 0), 0, "the service died: \(service.output.suffix(2000))")

            for descriptor in held { close(descriptor) }
            held.removeAll()
            var health = 0
            for _ in 0..<50 where health != 200 {
                health = (try? await service.get("/health"))?.status ?? 0
                if health != 200 { try await Task.sleep(for: .milliseconds(100)) }
            }
            XCTAssertEqual(health, 200, "/health answers once the connections are released")
            let metrics = String(decoding: try await service.get("/metrics").body, as: UTF8.self)
            let line = metrics.split(separator: "\n").first { $0.hasPrefix("http_connections_refused_total ") }
            let refused = line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            XCTAssertGreaterThan(refused, 400 - 112 - 50, "connections over the cap are counted: \(line ?? "none")")
        }
    }

    /// A TCP connection to 127.0.0.1:`port`, or `nil`; connecting gives up after 2 s.
    private static func connect(port: Int) -> Int32? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var limit = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }
}
