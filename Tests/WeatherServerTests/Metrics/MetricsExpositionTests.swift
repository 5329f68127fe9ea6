import Foundation
import HTTPTypes
import HummingbirdTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// What every Prometheus dashboard expects of `/metrics`: HELP and TYPE for every family, the
/// build's info gauge, and the `process_*` figures.
final class MetricsExpositionTests: XCTestCase {
    func testEveryFamilyOnMetricsHasHelpAndType() async throws {
        try await ServiceHarness.run { harness, client in
            _ = try await client.execute(uri: "/v1/weather/current?city=Graz", method: .get)
            _ = try await client.execute(uri: "/v1/weather/current?city=Graz", method: .get)
            _ = try await client.execute(uri: "/v1/weather/current?city=Nowhere-At-All", method: .get)
            _ = try await client.execute(uri: "/v1/weather/current?bogus=1", method: .get)
            harness.metrics.recordCut(route: "/v1/weather/current", reason: .shutdown)
            let text = try await client.execute(uri: "/metrics", method: .get).text
            let families = Exposition(text)
            XCTAssertGreaterThan(families.types.count, 10, text)
            for (family, type) in families.types {
                XCTAssertFalse(families.help[family, default: ""].isEmpty, "\(family) (\(type)) has no HELP in\n\(text)")
            }
            for family in families.sampleFamilies {
                XCTAssertNotNil(families.types[family], "samples of \(family) without TYPE in\n\(text)")
            }
            for (family, type) in [
                ("http_requests_total", "counter"), ("http_request_duration_seconds", "histogram"),
                ("http_requests_in_flight", "gauge"), ("http_requests_cut_total", "counter"),
                ("weather_tracker_build_info", "gauge"), ("weather_lookups_total", "counter"),
            ] {
                XCTAssertEqual(families.types[family], type, family)
            }
        }
    }

    func testBuildInfoCarriesVersionSwiftVersionAndCommit() {
        let metrics = ServiceMetrics(build: BuildInfo(commit: "0123456789ABCDEF0123456789abcdef01234567"))
        let text = String(decoding: metrics.exposition(), as: UTF8.self)
        let line = #"weather_tracker_build_info{version="\#(ServiceVersion.current)",swift_version="\#(BuildInfo.compilerVersion)",commit="0123456789abcdef0123456789abcdef01234567"} 1"#
        XCTAssertTrue(text.contains(line), "missing \(line) in\n\(text)")
        XCTAssertTrue(BuildInfo.compilerVersion.hasPrefix("6."), BuildInfo.compilerVersion)
    }

    func testACommitThatIsNotAHexSHAIsUnknown() {
        XCTAssertEqual(BuildInfo(commit: nil).commit, "unknown")
        XCTAssertEqual(BuildInfo(commit: "").commit, "unknown")
        XCTAssertEqual(BuildInfo(commit: "abc12").commit, "unknown", "shorter than a short SHA")
        XCTAssertEqual(BuildInfo(commit: "main").commit, "unknown")
        XCTAssertEqual(BuildInfo(commit: "abc1234\"} 1\nfake 2").commit, "unknown", "no label injection")
        XCTAssertEqual(BuildInfo(commit: "ABC1234").commit, "abc1234")
    }

    func testProcessMetricsArePresentAndPlausible() async throws {
        #if !os(Linux)
            throw XCTSkip("process metrics are read from /proc (Linux)")
        #else
            try await ServiceHarness.run { _, client in
                let text = try await client.execute(uri: "/metrics", method: .get).text
                let families = Exposition(text)
                let value = { (name: String) throws -> Double in try XCTUnwrap(families.values[name], "\(name) missing in\n\(text)") }
                let openFDs = try value("process_open_fds")
                let maxFDs = try value("process_max_fds")
                XCTAssertGreaterThan(openFDs, 0)
                XCTAssertGreaterThanOrEqual(maxFDs, openFDs)
                XCTAssertGreaterThan(try value("process_resident_memory_bytes"), Double(1 << 20))
                XCTAssertGreaterThanOrEqual(try value("process_virtual_memory_bytes"), try value("process_resident_memory_bytes"))
                XCTAssertGreaterThan(try value("process_cpu_seconds_total"), 0)
                let start = try value("process_start_time_seconds")
                let now = Date().timeIntervalSince1970
                XCTAssertLessThanOrEqual(start, now + 1)
                XCTAssertGreaterThan(start, now - 3600, "the test process started within the last hour")
                for (family, type) in [
                    ("process_open_fds", "gauge"), ("process_max_fds", "gauge"), ("process_cpu_seconds_total", "counter"),
                    ("process_resident_memory_bytes", "gauge"), ("process_start_time_seconds", "gauge"),
                ] {
                    XCTAssertEqual(families.types[family], type, family)
                    XCTAssertFalse(families.help[family, default: ""].isEmpty, family)
                }
            }
        #endif
    }

    func testCPUSecondsOnlyEverGrowByWhatWasSpentSinceTheLastScrape() {
        let metrics = ServiceMetrics(build: BuildInfo(commit: nil))
        var sample = ProcessSample(
            cpuSeconds: 1.5, residentBytes: Double(4 << 20), virtualBytes: Double(8 << 20), openFDs: 7, maxFDs: 1024,
            startTimeSeconds: 1_700_000_000)
        metrics.record(sample)
        sample.cpuSeconds = 2.25
        metrics.record(sample)
        sample.cpuSeconds = 2.0  // never reported lower: a counter does not go down
        metrics.record(sample)
        let families = Exposition(String(decoding: metrics.exposition(), as: UTF8.self))
        XCTAssertEqual(families.values["process_cpu_seconds_total"], 2.25)
        XCTAssertEqual(families.values["process_open_fds"], 7)
        XCTAssertEqual(families.values["process_max_fds"], 1024)
        XCTAssertEqual(families.values["process_resident_memory_bytes"], Double(4 << 20))
        XCTAssertEqual(families.values["process_start_time_seconds"], 1_700_000_000)
    }

    func testProcFilesAreParsed() throws {
        // A command name with spaces and parentheses: fields are counted after the last ")".
        let stat =
            "4242 (weather (tracker) x) S 1 4242 4242 0 -1 4194560 1234 0 0 0 250 75 0 0 20 0 9 0 123456 987654321 4321 18446744073709551615"
        let times = try XCTUnwrap(ProcessSample.statTimes(stat))
        XCTAssertEqual(times.utime, 250)
        XCTAssertEqual(times.stime, 75)
        XCTAssertEqual(times.startTicks, 123456)
        XCTAssertNil(ProcessSample.statTimes("garbage"))

        let status = "Name:\tweather-tracker\nVmPeak:\t  300000 kB\nVmSize:\t  290000 kB\nVmRSS:\t   51200 kB\n"
        XCTAssertEqual(ProcessSample.kilobytes("VmRSS", inStatus: status), 51200)
        XCTAssertEqual(ProcessSample.kilobytes("VmSize", inStatus: status), 290000)
        XCTAssertNil(ProcessSample.kilobytes("VmSwap", inStatus: status))

        let limits = """
            Limit                     Soft Limit           Hard Limit           Units
            Max processes             63542                63542                processes
            Max open files            1024                 1048576              files
            """
        XCTAssertEqual(ProcessSample.maxOpenFiles(limits), 1024)
        XCTAssertNil(ProcessSample.maxOpenFiles("Max open files            unlimited            unlimited            files"))
        XCTAssertEqual(ProcessSample.bootTime("cpu  1 2 3\nbtime 1765065600\nprocesses 9\n"), 1_765_065_600)
    }
}

/// The families of a Prometheus text exposition: TYPE and HELP lines, and unlabeled sample values.
private struct Exposition {
    var types: [String: String] = [:]
    var help: [String: String] = [:]
    /// Families with at least one sample (a histogram's `_bucket`/`_sum`/`_count` count as its own).
    var sampleFamilies: Set<String> = []
    /// The value of every sample without labels, by name.
    var values: [String: Double] = [:]

    init(_ text: String) {
        var samples: [String] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 3)
            if line.hasPrefix("# TYPE "), parts.count == 4 {
                types[String(parts[2])] = String(parts[3])
            } else if line.hasPrefix("# HELP "), parts.count >= 3 {
                help[String(parts[2])] = parts.count == 4 ? String(parts[3]) : ""
            } else if !line.hasPrefix("#"), let name = line.split(whereSeparator: { $0 == "{" || $0 == " " }).first {
                samples.append(String(name))
                if !line.contains("{"), let value = line.split(separator: " ").last.flatMap({ Double($0) }) {
                    values[String(name)] = value
                }
            }
        }
        for name in samples {
            let family = ["_bucket", "_sum", "_count"].first { name.hasSuffix($0) && types[name] == nil }
                .map { String(name.dropLast($0.count)) } ?? name
            sampleFamilies.insert(family)
        }
    }
}
