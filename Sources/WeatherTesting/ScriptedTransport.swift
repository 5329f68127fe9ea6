import Foundation
public import HTTPTypes
import Synchronization
public import WeatherCore

/// An ``/WeatherCore/HTTPTransport`` that answers from a script and records what it was asked.
///
/// Replies are consumed first-in first-out among those whose matcher accepts the request. A request
/// no reply matches throws ``ScriptedTransportError/unscripted(_:)`` (never a silent 200), and
/// ``verifyAllConsumed()`` reports replies a test expected but the code never asked for.
///
/// ```swift
/// let transport = ScriptedTransport(clock: clock)
/// transport.enqueue(.path("/data/2.5/weather"), .json(#"{"dt":1}"#), latency: .seconds(1))
/// transport.enqueue(.any, .failure(WeatherError(code: .timeout, message: "timed out")))
/// ```
public final class ScriptedTransport: HTTPTransport {
    /// What a scripted request yields.
    public enum Reply: Sendable {
        /// An HTTP response, whatever its status.
        case response(TransportResponse)
        /// A thrown error, as a transport throws when no response arrived.
        case failure(WeatherError)

        /// A response with a JSON body: `Content-Type: application/json` unless `headerFields` sets it.
        public static func json(_ body: String, status: Int = 200, headerFields: HTTPFields = [:]) -> Reply {
            var all = headerFields
            if all[.contentType] == nil { all[.contentType] = "application/json" }
            return .status(status, body: body, headerFields: all)
        }

        /// An error as OpenWeather's API sends it: `{"cod":<status>,"message":"…"}` with `status`.
        public static func openWeatherError(
            _ status: Int, message: String = "scripted error", headerFields: HTTPFields = [:]
        ) -> Reply {
            let escaped = message.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
            return json(#"{"cod":\#(status),"message":"\#(escaped)"}"#, status: status, headerFields: headerFields)
        }

        /// A response with `status` and an optional body.
        public static func status(_ status: Int, body: String = "", headerFields: HTTPFields = [:]) -> Reply {
            .response(
                TransportResponse(
                    status: HTTPResponse.Status(code: status), headerFields: headerFields, body: Array(body.utf8)))
        }
    }

    private struct Step {
        var matcher: RequestMatcher
        var reply: Reply
        var latency: Duration
        var remaining: Int?  // nil: repeats forever
    }

    private struct State {
        var steps: [Step] = []
        var requests: [TransportRequest] = []
    }

    private let state = Mutex(State())
    private let clock: (any WeatherClock)?

    /// Creates a transport with an empty script.
    ///
    /// - Parameter clock: the clock latencies are slept on; without one, latencies are ignored.
    public init(clock: (any WeatherClock)? = nil) {
        self.clock = clock
    }

    /// Adds a reply for the next `times` requests `matcher` accepts, each after `latency`.
    public func enqueue(_ matcher: RequestMatcher, _ reply: Reply, latency: Duration = .zero, times: Int = 1) {
        state.withLock {
            $0.steps.append(Step(matcher: matcher, reply: reply, latency: latency, remaining: max(1, times)))
        }
    }

    /// Adds a reply for every request `matcher` accepts, never used up (ignored by ``verifyAllConsumed()``).
    public func always(_ matcher: RequestMatcher, _ reply: Reply, latency: Duration = .zero) {
        state.withLock { $0.steps.append(Step(matcher: matcher, reply: reply, latency: latency, remaining: nil)) }
    }

    /// Every request received, in order, scripted or not.
    public var requests: [TransportRequest] { state.withLock { $0.requests } }

    /// The number of requests received.
    public var requestCount: Int { state.withLock { $0.requests.count } }

    /// Answers `request` from the script, after the scripted latency; when that latency exceeds the
    /// request's ``/WeatherCore/TransportRequest/timeout``, sleeps the timeout and throws `.timeout` instead.
    ///
    /// - Throws: the scripted failure, ``ScriptedTransportError/unscripted(_:)`` when nothing
    ///   matches, or `CancellationError` when cancelled during the latency.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        let step: Step? = state.withLock { s in
            s.requests.append(request)
            guard let i = s.steps.firstIndex(where: { $0.matcher.matches(request) }) else { return nil }
            let step = s.steps[i]
            if let remaining = step.remaining {
                if remaining <= 1 { s.steps.remove(at: i) } else { s.steps[i].remaining = remaining - 1 }
            }
            return step
        }
        guard let step else { throw ScriptedTransportError.unscripted(request.description) }
        if let timeout = request.timeout, step.latency > timeout, let clock {
            // As a real transport does: give up at the request's timeout, whatever would have come later.
            try await clock.sleep(for: timeout)
            throw WeatherError(
                code: .timeout, message: "ScriptedTransport: the reply's latency exceeds the request's timeout",
                url: request.redactedURL)
        }
        if step.latency > .zero, let clock { try await clock.sleep(for: step.latency) }
        switch step.reply {
        case .response(let response): return response
        case .failure(let error): throw error
        }
    }

    /// Throws ``ScriptedTransportError/leftover(_:)`` naming every counted reply not yet used.
    public func verifyAllConsumed() throws {
        let left = state.withLock { $0.steps.filter { $0.remaining != nil } }
        guard left.isEmpty else {
            throw ScriptedTransportError.leftover(left.map { "\($0.matcher) ×\($0.remaining ?? 0)" })
        }
    }
}

/// What ``ScriptedTransport`` reports when the script and the code disagree.
public enum ScriptedTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A request matched no scripted reply; carries the request, API key redacted.
    case unscripted(String)
    /// Scripted replies were never asked for.
    case leftover([String])

    /// What happened and what to do.
    public var description: String {
        switch self {
        case .unscripted(let request):
            return "ScriptedTransport: no scripted reply for \(request); enqueue one or fix the request"
        case .leftover(let steps):
            return "ScriptedTransport: scripted replies never requested: \(steps.joined(separator: ", "))"
        }
    }
}
