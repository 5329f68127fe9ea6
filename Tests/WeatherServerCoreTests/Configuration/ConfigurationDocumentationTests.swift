import Foundation
import WeatherCore
import WeatherServerCore
import XCTest

/// docs/configuration.md's table and the README's are made from ``ServiceConfiguration/settings``,
/// like `serve --help`: this keeps the committed files equal to it. After changing a setting, run
/// `UPDATE_CONFIGURATION_DOCS=1 swift test --filter ConfigurationDocumentationTests` and commit.
final class ConfigurationDocumentationTests: XCTestCase {
    static let begin = "<!-- generated from ServiceConfiguration.settings"
    static let end = "<!-- end of generated settings -->"
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func testTheDocumentationTableIsEverySetting() throws {
        try check("docs/configuration.md", ServiceConfiguration.settings.markdownTable())
    }

    func testTheReadmeTableIsTheEssentialSettingsWithLinksIntoDocs() throws {
        let essential = ServiceConfiguration.settings.filter(\.isEssential)
        XCTAssertEqual(essential.count, 5, "the README promises five settings")
        try check("README.md", essential.markdownTable(linkPrefix: "docs/"))
    }

    func testEveryVariableIsDescribedOnceAndEveryFlagOnce() {
        let variables = ServiceConfiguration.variables
        XCTAssertEqual(Set(variables).count, variables.count, "a variable in two rows")
        let flags = ServiceConfiguration.settings.flatMap(\.flags.values)
        XCTAssertEqual(Set(flags).count, flags.count, "a flag in two rows")
        for setting in ServiceConfiguration.settings {
            XCTAssertTrue(Set(setting.flags.keys).isSubset(of: setting.variables), "\(setting.variables)")
            XCTAssertFalse(setting.meaning.contains("|"), "a | would split the table's row: \(setting.variables)")
        }
    }

    func testEveryDescribedVariableIsReadAndValidated() throws {
        // A value no setting accepts, for those that check their value: the error names the variable.
        let checked = [
            "DEMO", "OPENWEATHER_BASE_URL", "PORT", "LOG_LEVEL", "LOG_FORMAT", "SHUTDOWN_TIMEOUT", "UPSTREAM_TIMEOUT",
            "CACHE_TTL_CURRENT", "CACHE_TTL_FORECAST", "CACHE_TTL_ONECALL", "CACHE_TTL_AIR", "CACHE_TTL_GEO",
            "QUOTA_PER_MINUTE", "QUOTA_ONECALL_PER_DAY", "QUOTA_REPLICAS", "ONECALL_VERSION", "TRACKED_QUOTA_SHARE",
            "TRACKER_LEASE_TTL", "NEAR_CACHE_ENTRIES", "NEAR_CACHE_BYTES", "IDLE_TIMEOUT", "MAX_CONNECTIONS",
            "CLIENT_LIMIT", "CLIENT_LIMIT_RATE", "CLIENT_LIMIT_BURST", "CLIENT_LIMIT_CLIENTS", "TRUSTED_PROXY_HOPS",
            "CONCURRENCY_EXECUTOR", "OPENWEATHER_API_KEY_FILE",
        ]
        for variable in checked {
            XCTAssertNotNil(ServiceConfiguration.setting(for: variable), variable)
            XCTAssertThrowsError(try ServiceConfiguration(environment: [variable: "-9 not a value"]), variable) { error in
                XCTAssertEqual((error as? ConfigurationError)?.variable, variable)
            }
        }
    }

    func testTheDefaultsDocumentedAreTheConfigurationsDefaults() {
        let defaults = ServiceConfiguration()
        func documented(_ variable: String) -> String? { ServiceConfiguration.setting(for: variable)?.defaultValue }
        XCTAssertEqual(documented("HOST"), "`\(defaults.host)`")
        XCTAssertEqual(documented("PORT"), "`\(defaults.port)`")
        XCTAssertEqual(documented("LOG_LEVEL"), "`\(defaults.logLevel)`")
        XCTAssertEqual(documented("LOG_FORMAT"), "`\(defaults.logFormat.rawValue)`")
        XCTAssertEqual(documented("QUOTA_REPLICAS"), "\(defaults.quotaReplicas)")
        XCTAssertEqual(documented("TRACKED_QUOTA_SHARE"), "\(defaults.trackedQuotaShare)")
        XCTAssertEqual(documented("TRUSTED_PROXY_HOPS"), "\(defaults.clientLimit.trustedProxyHops)")
        XCTAssertEqual(documented("CLIENT_LIMIT_BURST"), "\(defaults.clientLimit.burst)")
        XCTAssertEqual(documented("CLIENT_LIMIT_RATE"), "\(defaults.clientLimit.ratePerSecond) /s")
        XCTAssertEqual(documented("CLIENT_LIMIT_CLIENTS"), "\(defaults.clientLimit.maxClients)")
        XCTAssertEqual(
            documented("QUOTA_PER_MINUTE"),
            "\(defaults.quota.callsPerMinute ?? 0), \(defaults.quota.dailyBudget[.oneCall] ?? 0)")
    }

    func testHelpTextIsPlain() {
        let help = ServiceConfiguration.settings.helpText
        XCTAssertFalse(help.contains("`"))
        XCTAssertFalse(help.contains("]("))
        XCTAssertTrue(help.contains("- PORT (--port) [default: 8000]: the port to listen on (0 picks a free one)"))
        XCTAssertTrue(help.contains("(docs/onecall.md)"))
    }

    /// Fails unless the generated section of `path` is `table`; rewrites it with UPDATE_CONFIGURATION_DOCS=1.
    private func check(_ path: String, _ table: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let begin = text.range(of: Self.begin), let end = text.range(of: Self.end, range: begin.upperBound..<text.endIndex),
            let firstLineEnd = text[begin.upperBound...].firstIndex(of: "\n")
        else {
            return XCTFail("\(path) has no generated settings section", file: file, line: line)
        }
        let current = String(text[text.index(after: firstLineEnd)..<end.lowerBound])
        guard current != table else { return }
        if ProcessInfo.processInfo.environment["UPDATE_CONFIGURATION_DOCS"] == "1" {
            let updated = text[..<text.index(after: firstLineEnd)] + table + text[end.lowerBound...]
            try String(updated).write(to: url, atomically: true, encoding: .utf8)
        } else {
            XCTFail(
                "\(path)'s settings table is not ServiceConfiguration.settings: run UPDATE_CONFIGURATION_DOCS=1 swift test --filter ConfigurationDocumentationTests",
                file: file, line: line)
        }
    }
}
