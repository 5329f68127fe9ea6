import Foundation
import WeatherCache
import WeatherCore
import WeatherServer
import WeatherServerCore
import XCTest

/// The settings' other sources: a secrets folder and a JSON file,
/// under the environment, each value validated as the environment's own.
final class ConfigurationSourcesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("secrets"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ text: String, _ name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private var secrets: String { folder.appendingPathComponent("secrets").path }

    func testWithoutEitherSourceTheEnvironmentIsUnchanged() async throws {
        let environment = ["PORT": "9000", "UNRELATED": "x"]
        let resolved = try await ConfigurationSources.resolve(environment)
        XCTAssertEqual(resolved, environment)
    }

    func testTheSecretsFolderGivesTheKeyAndPasswordAndTheEnvironmentWins() async throws {
        _ = try write("folder-key-7d1f\n", "secrets/openweather_api_key")
        _ = try write("folder-password-19ab", "secrets/redis_password")
        _ = try write("7001", "secrets/port")
        let resolved = try await ConfigurationSources.resolve([
            "SECRETS_DIRECTORY": secrets, "REDIS_HOST": "cache.internal", "PORT": "7002",
        ])
        let configuration = try ServiceConfiguration(environment: resolved)
        XCTAssertEqual(configuration.apiKey, APIKey("folder-key-7d1f"))
        XCTAssertEqual(configuration.redis?.password, "folder-password-19ab")
        XCTAssertEqual(configuration.port, 7002, "the environment wins over the folder")
        XCTAssertFalse(configuration.isDemo)
    }

    func testAJSONFileGivesTheSameValuesTheEnvironmentWould() async throws {
        let file = try write(
            #"{"quota_per_minute": 120, "tracked_quota_share": 0.25, "client_limit": false, "log_format": "json", "port": 8123}"#,
            "settings.json")
        let fromFile = try ServiceConfiguration(environment: await ConfigurationSources.resolve(["CONFIG_FILE": file]))
        let fromEnvironment = try ServiceConfiguration(environment: [
            "QUOTA_PER_MINUTE": "120", "TRACKED_QUOTA_SHARE": "0.25", "CLIENT_LIMIT": "off", "LOG_FORMAT": "json",
            "PORT": "8123",
        ])
        XCTAssertEqual(fromFile.quota, fromEnvironment.quota)
        XCTAssertEqual(fromFile.trackedQuotaShare, 0.25)
        XCTAssertEqual(fromFile.clientLimit, fromEnvironment.clientLimit)
        XCTAssertEqual(fromFile.logFormat, .json)
        XCTAssertEqual(fromFile.port, 8123)
    }

    func testTheFolderWinsOverTheFileAndTheEnvironmentOverBoth() async throws {
        _ = try write("7100", "secrets/port")
        _ = try write("warning", "secrets/log_level")
        let file = try write(#"{"port": 7200, "log_level": "debug", "idle_timeout": 30}"#, "settings.json")
        let resolved = try await ConfigurationSources.resolve([
            "SECRETS_DIRECTORY": secrets, "CONFIG_FILE": file, "LOG_LEVEL": "error",
        ])
        XCTAssertEqual(resolved["PORT"], "7100")
        XCTAssertEqual(resolved["LOG_LEVEL"], "error")
        XCTAssertEqual(resolved["IDLE_TIMEOUT"], "30")
    }

    func testAValueFromAFileIsValidatedAndNamesItsVariable() async throws {
        let file = try write(#"{"port": 70000}"#, "settings.json")
        let resolved = try await ConfigurationSources.resolve(["CONFIG_FILE": file])
        XCTAssertThrowsError(try ServiceConfiguration(environment: resolved)) { error in
            XCTAssertEqual((error as? ConfigurationError)?.variable, "PORT")
        }
    }

    func testABadFileOrFolderIsOneErrorNamingItsVariableAndNoValue() async throws {
        let cases: [(String, [String: String])] = [
            ("CONFIG_FILE", ["CONFIG_FILE": try write(#"{"quota_per_minut": 1, "openweather_api_key": "file-key-55"}"#, "typo.json")]),
            ("CONFIG_FILE", ["CONFIG_FILE": try write(#"["file-key-55"]"#, "array.json")]),
            ("CONFIG_FILE", ["CONFIG_FILE": try write("openweather_api_key=file-key-55", "not.json")]),
            ("CONFIG_FILE", ["CONFIG_FILE": folder.appendingPathComponent("missing.json").path]),
            ("SECRETS_DIRECTORY", ["SECRETS_DIRECTORY": folder.appendingPathComponent("missing").path]),
        ]
        for (variable, environment) in cases {
            do {
                _ = try await ConfigurationSources.resolve(environment)
                XCTFail("\(environment) was accepted")
            } catch {
                XCTAssertEqual(error.variable, variable, "\(environment)")
                XCTAssertFalse(error.description.contains("file-key-55"), error.description)
                XCTAssertTrue(error.description.hasPrefix("invalid configuration: \(variable): "), error.description)
            }
        }
    }

    func testEverySourceVariableIsDescribed() {
        XCTAssertNotNil(ServiceConfiguration.setting(for: ConfigurationSources.fileVariable))
        XCTAssertNotNil(ServiceConfiguration.setting(for: ConfigurationSources.secretsDirectoryVariable))
    }
}
