import Logging
public import ServiceLifecycle
import Synchronization

/// Queues finished spans and exports them in batches: every `OTEL_BSP_SCHEDULE_DELAY`, as soon as
/// a full batch is waiting, and once more when the service group shuts down (so the spans of the
/// last requests still leave).
///
/// Recording a span only appends it to a bounded queue under a lock; the encoding and the HTTP
/// request happen on this service's task. A full queue drops new spans and counts them; failures
/// are logged once when exports start failing and once when they recover, never per span, and
/// never with the endpoint's credentials or the headers.
public final class BatchSpanExporter: Service, Sendable {
    private let exporter: OTLPHTTPExporter
    private let request: OTLPTraceRequest
    private let scheduleDelay: Duration
    private let batchTimeout: Duration
    private let maxQueueSize: Int
    private let maxBatchSize: Int
    private let logger: Logger
    private let state = Mutex(State())
    private let wakes: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    private struct State {
        var queue: [FinishedSpan] = []
        var dropped = 0
        var isFailing = false
    }

    init(exporter: OTLPHTTPExporter, request: OTLPTraceRequest, configuration: OTLPTracingConfiguration, logger: Logger) {
        self.exporter = exporter
        self.request = request
        scheduleDelay = configuration.scheduleDelay
        batchTimeout = configuration.batchExportTimeout
        maxQueueSize = configuration.maxQueueSize
        maxBatchSize = configuration.maxExportBatchSize
        self.logger = logger
        (wakes, wake) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues `span` for the next export (the tracer's `onEnd`); drops it when the queue is full.
    public func record(_ span: FinishedSpan) {
        let isBatchFull: Bool = state.withLock { state in
            guard state.queue.count < maxQueueSize else {
                state.dropped += 1
                return false
            }
            state.queue.append(span)
            return state.queue.count == maxBatchSize
        }
        if isBatchFull { wake.yield() }
    }

    /// Exports the queued spans now rather than at the next scheduled time (`forceFlush`).
    public func flush() { wake.yield() }

    /// Exports on schedule until the graceful shutdown, then exports what is left (within
    /// `OTEL_BSP_EXPORT_TIMEOUT`) and returns.
    public func run() async throws {
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask { [scheduleDelay, wake] in
                    while (try? await Task.sleep(for: scheduleDelay)) != nil { wake.yield() }
                }
                for await _ in wakes { await exportQueued() }
                group.cancelAll()
            }
        } onGracefulShutdown: { [wake] in
            wake.finish()
        }
        await exportQueued()
    }

    /// Exports the spans queued when it is called, a batch at a time. Spans that end meanwhile
    /// wait for the next full batch or the next scheduled time: draining until the queue is empty
    /// would, under steady load, send a stream of tiny batches back to back.
    private func exportQueued() async {
        var remaining = state.withLock { $0.queue.count }
        while true {
            let (batch, dropped): ([FinishedSpan], Int) = state.withLock { state in
                let batch = Array(state.queue.prefix(min(maxBatchSize, remaining)))
                state.queue.removeFirst(batch.count)
                defer { state.dropped = 0 }
                return (batch, state.dropped)
            }
            remaining -= batch.count
            if dropped > 0 {
                logger.warning(
                    "tracing: \(dropped) spans dropped, the export queue was full (OTEL_BSP_MAX_QUEUE_SIZE=\(maxQueueSize))")
            }
            guard !batch.isEmpty else { return }
            do {
                try await exporter.export(request.encode(batch), until: .now + batchTimeout)
                let recovered = state.withLock { state in
                    defer { state.isFailing = false }
                    return state.isFailing
                }
                if recovered { logger.info("tracing: exporting spans again") }
            } catch {
                let first = state.withLock { state in
                    defer { state.isFailing = true }
                    return !state.isFailing
                }
                if first {
                    logger.warning(
                        "tracing: \(batch.count) spans not exported: \(error); later batches are tried as they come",
                        metadata: ["endpoint": .string(exporter.redactedEndpoint)])
                }
            }
        }
    }
}
