import Foundation
import HTTPTypes
import TestSupport
import WeatherCore
import XCTest

@testable import WeatherHTTP

/// A server that requires a client certificate (mutual TLS, as an OpenTelemetry collector may):
/// the transport presents the configured one, and without it the handshake is refused.
final class CurlTransportClientCertificateTests: XCTestCase {
    func testTheConfiguredClientCertificateIsPresentedToAServerThatRequiresOne() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else {
            throw XCTSkip("openssl is not installed")
        }
        let material = try TLSMaterial.generate()
        defer { material.remove() }
        let port = try LoopbackPort.free()
        // `s_server -Verify 1` fails every handshake without a client certificate the CA signed;
        // `-www` answers each request with a 200 status page.
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        server.arguments = [
            "s_server", "-accept", "127.0.0.1:\(port)", "-cert", material.serverCertificateFile, "-key",
            material.serverKeyFile, "-CAfile", material.caFile, "-Verify", "1", "-verify_return_error", "-www",
            "-quiet",
        ]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        for _ in 0..<100 where !LoopbackPort.accepts(port) { try await Task.sleep(for: .milliseconds(50)) }
        XCTAssertTrue(LoopbackPort.accepts(port), "openssl s_server did not start")

        let request = TransportRequest(url: "https://localhost:\(port)/", timeout: .seconds(10))
        let withCertificate = CurlTransport(
            configuration: .init(
                caBundlePath: material.caFile, clientCertificatePath: material.clientCertificateFile,
                clientKeyPath: material.clientKeyFile))
        let withoutCertificate = CurlTransport(configuration: .init(caBundlePath: material.caFile))
        do {
            let response = try await withCertificate.send(request)
            XCTAssertEqual(response.head.status.code, 200)
            do {
                let refused = try await withoutCertificate.send(request)
                XCTFail("answered without a client certificate: \(refused.head.status)")
            } catch let error as WeatherError {
                XCTAssertNotEqual(error.code, .timeout, "\(error)")
            }
        } catch {
            await withCertificate.shutdown()
            await withoutCertificate.shutdown()
            throw error
        }
        await withCertificate.shutdown()
        await withoutCertificate.shutdown()
    }
}
