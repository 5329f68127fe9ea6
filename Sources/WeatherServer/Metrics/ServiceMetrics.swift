import CoreMetrics
import Foundation
public import Prometheus
import Synchronization
import WeatherServerCore
import WeatherPages

/// The service's metrics: recorded through swift-metrics into one swift-prometheus registry that
/// `GET /metrics` renders, every family with its `# HELP` (`MetricFamily`). The factory is passed
/// explicitly (no global bootstrap), so every test can own a registry. Besides what the service
/// records: `weather_tracker_build_info` (set once) and the `process_*` figures (read when scraped).
///
/// Metric handles are created once per label set and cached, so recording costs a dictionary
/// lookup under a lock and the handler's own atomic update.
public final class ServiceMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry: PrometheusCollectorRegistry
    let factory: DocumentedMetricsFactory
    /// The process CPU time already added to `process_cpu_seconds_total`: a Prometheus counter can
    /// only be increased, so each scrape adds what `/proc` says was spent since.
    private let cpuSecondsCounted = Mutex<Double>(0)
    private let cpuSeconds: CoreMetrics.FloatingPointCounter
    private let counters = Mutex<[String: CoreMetrics.Counter]>([:])
    private let timers = Mutex<[String: CoreMetrics.Timer]>([:])
    private let gauges = Mutex<[String: CoreMetrics.Gauge]>([:])
    /// Requests being handled now.
    let inFlight: CoreMetrics.Meter
    private let requestMetrics = Mutex<[RequestKey: RequestMetrics]>([:])
    private let lookupCounters = Mutex<[LookupKey: CoreMetrics.Counter]>([:])

    /// The label set of one lookup series.
    private struct LookupKey: Hashable {
        var family: String
        var cache: String
    }

    /// The label set of one request series, hashed without building strings per request.
    private struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    /// The handles of one request series.
    private struct RequestMetrics {
        var count: CoreMetrics.Counter
        var duration: CoreMetrics.Timer
    }

    /// Latency buckets that resolve sub-millisecond hits as well as slow upstream calls.
    static let latencyBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10),
    ]

    /// A fresh registry, stamped with `build` (`weather_tracker_build_info`).
    public init(build: BuildInfo = .current) {
        registry = PrometheusCollectorRegistry()
        factory = DocumentedMetricsFactory(
            registry: registry, durationBuckets: Self.latencyBuckets,
            valueBuckets: PrometheusMetricsFactory(registry: registry).defaultValueHistogramBuckets)
        inFlight = CoreMetrics.Meter(label: MetricFamily.httpRequestsInFlight.rawValue, dimensions: [], factory: factory)
        cpuSeconds = CoreMetrics.FloatingPointCounter(
            label: MetricFamily.processCpuSecondsTotal.rawValue, dimensions: [], factory: factory)
        set(
            .weatherTrackerBuildInfo,
            [("version", build.version), ("swift_version", build.swiftVersion), ("commit", build.commit)], 1)
    }

    /// Counts one answered request (`http_requests_total`) and its duration
    /// (`http_request_duration_seconds`) by route template, method and status. The hot path's only
    /// metrics call: one lock, one lookup of a small key, two handler updates.
    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let key = RequestKey(route: route, method: method, status: status)
        let series = requestMetrics.withLock { series in
            if let existing = series[key] { return existing }
            let dimensions = [("route", route), ("method", method), ("status", String(status))]
            let created = RequestMetrics(
                count: CoreMetrics.Counter(label: MetricFamily.httpRequestsTotal.rawValue, dimensions: dimensions, factory: factory),
                duration: CoreMetrics.Timer(
                    label: MetricFamily.httpRequestDurationSeconds.rawValue, dimensions: dimensions, preferredDisplayUnit: .seconds,
                    factory: factory))
            series[key] = created
            return created
        }
        series.count.increment()
        let (seconds, attoseconds) = duration.components
        series.duration.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// Counts one request cut before its answer (`http_requests_cut_total{route,reason}`).
    func recordCut(route: String, reason: RequestCut) {
        increment(.httpRequestsCutTotal, [("route", route), ("reason", reason.rawValue)])
    }

    /// Counts one lookup answer (`weather_lookups_total{family,cache}`), on every near-cache hit too:
    /// keyed by a small struct so that a hit builds no strings.
    func recordLookup(family: String, cache: String) {
        let key = LookupKey(family: family, cache: cache)
        let counter = lookupCounters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = CoreMetrics.Counter(
                label: MetricFamily.weatherLookupsTotal.rawValue, dimensions: [("family", family), ("cache", cache)], factory: factory)
            counters[key] = counter
            return counter
        }
        counter.increment()
    }

    /// Adds 1 to the counter `family` with `dimensions`.
    func increment(_ family: MetricFamily, _ dimensions: [(String, String)] = []) {
        let label = family.rawValue
        let key = Self.key(label, dimensions)
        let counter = counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = CoreMetrics.Counter(label: label, dimensions: dimensions, factory: factory)
            counters[key] = counter
            return counter
        }
        counter.increment()
    }

    /// Records `duration` in the histogram `family` with `dimensions`.
    func record(_ family: MetricFamily, _ dimensions: [(String, String)], _ duration: Duration) {
        let label = family.rawValue
        let key = Self.key(label, dimensions)
        let timer = timers.withLock { timers in
            if let timer = timers[key] { return timer }
            let timer = CoreMetrics.Timer(label: label, dimensions: dimensions, preferredDisplayUnit: .seconds, factory: factory)
            timers[key] = timer
            return timer
        }
        let (seconds, attoseconds) = duration.components
        timer.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// Sets the gauge `family` with `dimensions` to `value`.
    func set(_ family: MetricFamily, _ dimensions: [(String, String)], _ value: Double) {
        let label = family.rawValue
        let key = Self.key(label, dimensions)
        let gauge = gauges.withLock { gauges in
            if let gauge = gauges[key] { return gauge }
            let gauge = CoreMetrics.Gauge(label: label, dimensions: dimensions, factory: factory)
            gauges[key] = gauge
            return gauge
        }
        gauge.record(value)
    }

    /// Reads the `process_*` figures from `/proc` (`ProcessSample`), then renders everything:
    /// what `GET /metrics` answers.
    public func scrape() -> [UInt8] {
        if let sample = ProcessSample.read() { record(sample) }
        return exposition()
    }

    /// Sets the `process_*` metrics to `sample`.
    func record(_ sample: ProcessSample) {
        set(.processResidentMemoryBytes, [], sample.residentBytes)
        set(.processVirtualMemoryBytes, [], sample.virtualBytes)
        set(.processOpenFds, [], Double(sample.openFDs))
        if let maxFDs = sample.maxFDs { set(.processMaxFds, [], Double(maxFDs)) }
        set(.processStartTimeSeconds, [], sample.startTimeSeconds)
        // Under the lock, so two scrapes at once add the time spent once.
        cpuSecondsCounted.withLock { counted in
            guard sample.cpuSeconds > counted else { return }
            cpuSeconds.increment(by: sample.cpuSeconds - counted)
            counted = sample.cpuSeconds
        }
    }

    /// The Prometheus text exposition of everything recorded.
    public func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }

    private static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
        var key = label
        for (name, value) in dimensions {
            key += "\u{1F}" + name + "=" + value
        }
        return key
    }
}
