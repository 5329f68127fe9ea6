import Foundation
import TestSupport
import XCTest

@testable import WeatherCache

extension XCTestCase {
    /// A TLS redis-server for this test, stopped at teardown; a skip when `redis-server` or
    /// `openssl` is missing (a failure under `CI=true`, as for every Redis-backed test).
    func startTLSRedis(requireClientCertificates: Bool = false) throws -> TLSRedisServer {
        do {
            let server = try TLSRedisServer(requireClientCertificates: requireClientCertificates)
            addTeardownBlock { server.stop() }
            return server
        } catch let unavailable as TLSRedisUnavailable {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(unavailable.message) }
            throw XCTSkip(unavailable.message)
        }
    }

    /// A store on `server` over TLS (trusting `caFile`, the test CA by default), shut down at teardown.
    func tlsStore(
        _ server: TLSRedisServer, caFile: String? = nil, host: String = "localhost", clientCertificate: Bool = false,
        prefix: String = "tls:\(UUID().uuidString):", poolSize: Int = 2
    ) throws -> RedisCacheStore {
        var configuration = try RedisCacheStore.Configuration(url: server.url(host: host))
        configuration.tls?.caFile = caFile ?? server.material.caFile
        if clientCertificate {
            configuration.tls?.certificateFile = server.material.clientCertificateFile
            configuration.tls?.keyFile = server.material.clientKeyFile
        }
        configuration.keyPrefix = prefix
        configuration.poolSize = poolSize
        configuration.connectTimeout = .milliseconds(1000)
        configuration.commandTimeout = .milliseconds(500)
        if host != "localhost" && !HostResolver.isNumeric(host) {
            configuration.resolver = HostResolver { _ in "127.0.0.1" }  // a name the certificate does not carry
        }
        return shuttingDownAtTeardown(RedisCacheStore(configuration: configuration))
    }
}
