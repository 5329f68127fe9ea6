import Foundation
import WeatherCache
import WeatherCore
import XCTest

@testable import WeatherServerCore

/// `OPENWEATHER_API_KEY_FILE`, `REDIS_PASSWORD_FILE` (Docker and Kubernetes secrets) and the
/// `REDIS_TLS_*_FILE` paths: read, trimmed, checked at start, never echoed.
final class SecretFileTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("secret-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
        super.tearDown()
    }

    private func file(_ name: String, _ contents: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    private func error(_ environment: [String: String]) -> ConfigurationError? {
        do {
            _ = try ServiceConfiguration(environment: environment)
            return nil
        } catch {
            return error
        }
    }

    func testTheAPIKeyComesFromTheFileWithTheTrailingNewlineTrimmed() throws {
        let path = try file("api-key", "file-key-0123456789\n")
        let configuration = try ServiceConfiguration(environment: ["OPENWEATHER_API_KEY_FILE": path])
        XCTAssertEqual(configuration.apiKey, APIKey("file-key-0123456789"))
        XCTAssertFalse(configuration.isDemo)
        let crlf = try file("api-key-crlf", "file-key-0123456789\r\n")
        XCTAssertEqual(try ServiceConfiguration(environment: ["OPENWEATHER_API_KEY_FILE": crlf]).apiKey, APIKey("file-key-0123456789"))
    }

    func testAKubernetesSecretMountedThroughSymbolicLinksIsRead() throws {
        // Kubernetes mounts ..data/api-key and links api-key to it.
        let data = directory.appendingPathComponent("..data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("linked-key-0123456789".utf8).write(to: data.appendingPathComponent("api-key"))
        let link = directory.appendingPathComponent("api-key").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "..data/api-key")
        XCTAssertEqual(try ServiceConfiguration(environment: ["OPENWEATHER_API_KEY_FILE": link]).apiKey, APIKey("linked-key-0123456789"))
    }

    func testTheRedisPasswordComesFromTheFileWithAHostOrAURLWithoutPassword() throws {
        let path = try file("redis-password", "pa ss:w@rd\n")
        let byHost = try ServiceConfiguration(environment: ["REDIS_HOST": "cache", "REDIS_PASSWORD_FILE": path])
        XCTAssertEqual(byHost.redis?.password, "pa ss:w@rd", "inner spaces are kept; only the newline goes")
        let byURL = try ServiceConfiguration(environment: ["REDIS_URL": "rediss://cache:6380/1", "REDIS_PASSWORD_FILE": path])
        XCTAssertEqual(byURL.redis?.password, "pa ss:w@rd")
    }

    func testBothTheValueAndTheFileIsAConflictNamingTheFileVariable() throws {
        let key = try file("api-key", "file-key-0123456789")
        let both = error(["OPENWEATHER_API_KEY": "env-key", "OPENWEATHER_API_KEY_FILE": key])
        XCTAssertEqual(both?.variable, "OPENWEATHER_API_KEY_FILE")
        XCTAssertTrue(both?.problem.contains("OPENWEATHER_API_KEY") == true, "\(String(describing: both))")
        let password = try file("redis-password", "from-file-secret")
        let twice = error(["REDIS_HOST": "cache", "REDIS_PASSWORD": "env-secret", "REDIS_PASSWORD_FILE": password])
        XCTAssertEqual(twice?.variable, "REDIS_PASSWORD_FILE")
        let inURL = error(["REDIS_URL": "redis://:url-secret@cache/0", "REDIS_PASSWORD_FILE": password])
        XCTAssertEqual(inURL?.variable, "REDIS_PASSWORD_FILE")
        for failure in [both, twice, inURL] {
            let text = failure?.description ?? ""
            for secret in ["env-key", "file-key-0123456789", "env-secret", "from-file-secret", "url-secret"] {
                XCTAssertFalse(text.contains(secret), "a secret in \(text)")
            }
        }
    }

    func testAMissingEmptyOrNonRegularFileFailsNamingTheVariable() throws {
        let empty = try file("empty", "\n")
        for (variable, extra) in [("OPENWEATHER_API_KEY_FILE", [:]), ("REDIS_PASSWORD_FILE", ["REDIS_HOST": "cache"])] {
            for (path, words) in [
                (directory.appendingPathComponent("absent").path, "does not exist"), (empty, "empty"),
                (directory.path, "regular file"),
            ] {
                let failure = error(extra.merging([variable: path]) { $1 })
                XCTAssertEqual(failure?.variable, variable, path)
                XCTAssertTrue(failure?.problem.contains(words) == true, "\(String(describing: failure))")
                XCTAssertTrue(failure?.description.hasPrefix("invalid configuration: \(variable): ") == true)
            }
        }
    }

    func testAFileOfKeyMaterialIsNeverEchoed() throws {
        let path = try file("big", String(repeating: "SECRETSECRET", count: 10_000))
        let failure = error(["OPENWEATHER_API_KEY_FILE": path])
        XCTAssertEqual(failure?.variable, "OPENWEATHER_API_KEY_FILE")
        XCTAssertFalse(failure?.description.contains("SECRET") ?? true)
    }

    func testTLSFilesAreCheckedAtStartAndNeedRediss() throws {
        let ca = try file("ca.pem", "-----BEGIN CERTIFICATE-----\n")
        let configuration = try ServiceConfiguration(environment: [
            "REDIS_URL": "rediss://cache.example.com:6380/0", "REDIS_TLS_CA_FILE": ca, "REDIS_TLS_CERT_FILE": ca,
            "REDIS_TLS_KEY_FILE": ca,
        ])
        XCTAssertEqual(
            configuration.redis?.tls,
            RedisCacheStore.Configuration.TLS(caFile: ca, certificateFile: ca, keyFile: ca))
        let missing = directory.appendingPathComponent("absent.pem").path
        for variable in ["REDIS_TLS_CA_FILE", "REDIS_TLS_CERT_FILE", "REDIS_TLS_KEY_FILE"] {
            var environment = ["REDIS_URL": "rediss://cache/0", "REDIS_TLS_CERT_FILE": ca, "REDIS_TLS_KEY_FILE": ca]
            environment[variable] = missing
            XCTAssertEqual(error(environment)?.variable, variable)
        }
        XCTAssertEqual(error(["REDIS_URL": "redis://cache/0", "REDIS_TLS_CA_FILE": ca])?.variable, "REDIS_TLS_CA_FILE")
        XCTAssertEqual(error(["REDIS_URL": "rediss://cache/0", "REDIS_TLS_CERT_FILE": ca])?.variable, "REDIS_TLS_KEY_FILE")
        XCTAssertEqual(error(["REDIS_URL": "rediss://cache/0", "REDIS_TLS_KEY_FILE": ca])?.variable, "REDIS_TLS_CERT_FILE")
    }
}
