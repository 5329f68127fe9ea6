import Foundation
import WeatherServerCore
import WeatherPages

#if canImport(Glibc)
    import Glibc
#endif

/// The `process_*` figures every Prometheus dashboard expects, read from `/proc` when `/metrics`
/// is scraped (Linux; elsewhere there is no `/proc` and ``read()`` returns `nil`).
///
/// Written here because swift-metrics and swift-prometheus collect nothing about the process, and
/// swift-metrics-extras' `SystemMetrics` (the library that does) is not among the service's
/// dependencies and samples on a timer of its own rather than at scrape time. It is the handful of
/// `/proc` fields the Prometheus client libraries read, nothing more.
struct ProcessSample: Sendable, Equatable {
    /// User plus system CPU time (`/proc/self/stat` utime + stime), seconds.
    var cpuSeconds: Double
    /// Resident set size (`VmRSS` of `/proc/self/status`), bytes.
    var residentBytes: Double
    /// Virtual memory size (`VmSize`), bytes.
    var virtualBytes: Double
    /// Entries of `/proc/self/fd`.
    var openFDs: Int
    /// The soft `Max open files` of `/proc/self/limits`; `nil` when unlimited.
    var maxFDs: Int?
    /// Start of the process (`/proc/stat` btime + the stat's starttime), seconds since the epoch.
    var startTimeSeconds: Double

    /// This process now, or `nil` without a readable `/proc`.
    static func read() -> ProcessSample? {
        #if os(Linux)
            let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
            guard ticks > 0, let stat = file("/proc/self/stat").flatMap(Self.statTimes),
                let status = file("/proc/self/status"),
                let resident = kilobytes("VmRSS", inStatus: status), let virtual = kilobytes("VmSize", inStatus: status),
                let boot = file("/proc/stat").flatMap(Self.bootTime),
                let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
            else { return nil }
            return ProcessSample(
                cpuSeconds: (stat.utime + stat.stime) / ticks, residentBytes: resident * 1024,
                virtualBytes: virtual * 1024, openFDs: fds.count,
                maxFDs: file("/proc/self/limits").flatMap(Self.maxOpenFiles),
                startTimeSeconds: boot + stat.startTicks / ticks)
        #else
            return nil
        #endif
    }

    /// utime, stime (fields 14, 15) and starttime (field 22) of a `/proc/<pid>/stat` line, in clock
    /// ticks. Fields are counted after the `)` closing the command name, which may hold spaces.
    static func statTimes(_ stat: String) -> (utime: Double, stime: Double, startTicks: Double)? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        // After ")": field 3 (state) is index 0, so field n is index n - 3.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let utime = Double(fields[11]), let stime = Double(fields[12]),
            let start = Double(fields[19])
        else { return nil }
        return (utime, stime, start)
    }

    /// The kB value of `field` (`VmRSS:    12345 kB`) in a `/proc/<pid>/status` text.
    static func kilobytes(_ field: String, inStatus status: String) -> Double? {
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Double($0) }
        }
        return nil
    }

    /// The soft limit of `Max open files` in a `/proc/<pid>/limits` text; `nil` when unlimited or absent.
    static func maxOpenFiles(_ limits: String) -> Int? {
        for line in limits.split(separator: "\n") where line.hasPrefix("Max open files") {
            return line.dropFirst("Max open files".count).split(separator: " ").first.flatMap { Int($0) }
        }
        return nil
    }

    /// `btime` (boot time, seconds since the epoch) of `/proc/stat`.
    static func bootTime(_ procStat: String) -> Double? {
        for line in procStat.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst("btime ".count))
        }
        return nil
    }

    /// The whole of a `/proc` file: they report a size of 0, so it is read to its end, not by size.
    private static func file(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd() else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
