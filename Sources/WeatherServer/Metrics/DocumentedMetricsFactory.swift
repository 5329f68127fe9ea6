import CoreMetrics
import Prometheus
import WeatherServerCore
import WeatherPages

/// A swift-metrics factory over a swift-prometheus registry that gives every family its `# HELP`
/// line (from `MetricFamily`).
///
/// swift-prometheus 2.4.1's registry takes help text (`makeCounter(name:labels:help:)` and the
/// like), but its own swift-metrics bridge, `PrometheusMetricsFactory`, passes an empty help for
/// every metric, and swift-metrics' API has no place for one. So this bridge asks the registry's
/// public help-taking makers instead; everything else (handlers, buckets, exposition) is the
/// library's. The registry requires one help text per family, which a lookup by name guarantees.
struct DocumentedMetricsFactory: CoreMetrics.MetricsFactory {
    let registry: PrometheusCollectorRegistry
    /// The buckets of every `Timer` (a Prometheus duration histogram).
    let durationBuckets: [Duration]
    /// The buckets of every aggregating `Recorder` (a Prometheus value histogram).
    let valueBuckets: [Double]

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        registry.makeCounter(name: label, labels: dimensions, help: MetricFamily.help(forName: label))
    }

    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        registry.makeCounter(name: label, labels: dimensions, help: MetricFamily.help(forName: label))
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        let help = MetricFamily.help(forName: label)
        guard aggregate else { return registry.makeGauge(name: label, labels: dimensions, help: help) }
        return registry.makeValueHistogram(name: label, labels: dimensions, buckets: valueBuckets, help: help)
    }

    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        registry.makeGauge(name: label, labels: dimensions, help: MetricFamily.help(forName: label))
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        registry.makeDurationHistogram(
            name: label, labels: dimensions, buckets: durationBuckets, help: MetricFamily.help(forName: label))
    }

    func destroyCounter(_ handler: any CounterHandler) {
        if let counter = handler as? Prometheus.Counter { registry.unregisterCounter(counter) }
    }

    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {
        if let counter = handler as? Prometheus.Counter { registry.unregisterCounter(counter) }
    }

    func destroyRecorder(_ handler: any RecorderHandler) {
        switch handler {
        case let gauge as Prometheus.Gauge: registry.unregisterGauge(gauge)
        case let histogram as ValueHistogram: registry.unregisterValueHistogram(histogram)
        default: break
        }
    }

    func destroyMeter(_ handler: any MeterHandler) {
        if let gauge = handler as? Prometheus.Gauge { registry.unregisterGauge(gauge) }
    }

    func destroyTimer(_ handler: any TimerHandler) {
        if let histogram = handler as? DurationHistogram { registry.unregisterDurationHistogram(histogram) }
    }
}
