import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import WeatherCore
import WeatherServerCore
import WeatherPages

/// `POST /v1/batch` with `{"requests": ["/v1/weather/current?city=Bergen&country=NO", …]}`: up to
/// ``BatchLimits/maxItems`` lookup targets, each exactly what its GET route takes, answered
/// `200 {"results": […]}` in the same order — each item its `status`, and its `cache`, `age_s` and
/// `body`, or its `problem`.
///
/// Every item is the route's own lookup (``LookupResponder/lookup(target:query:)``), all at once:
/// cached items cost nothing, misses join concurrent identical lookups (the client coalesces them)
/// and are charged to the client and the account like single lookups, since the request's
/// ``UpstreamCharge`` reaches every item. When a budget runs out, the items it refuses get their
/// own 429 problems; the batch still answers 200. Bounded: ``BatchLimits``.
struct BatchResponder: Sendable {
    /// The route.
    static let path = "/v1/batch"

    let dependencies: ServiceDependencies
    let limits: BatchLimits
    private let lookups: [Substring: LookupResponder]

    init(dependencies: ServiceDependencies, limits: BatchLimits = .standard) {
        self.dependencies = dependencies
        self.limits = limits
        lookups = Dictionary(
            LookupRoute.all.map { (Substring($0.path), LookupResponder(route: $0, dependencies: dependencies)) },
            uniquingKeysWith: { first, _ in first })
    }

    func respond(to request: Request) async throws -> Response {
        let targets = try await Self.targets(of: request, limits: limits)
        let results = await answers(targets)
        return Response(
            status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: BatchItemResult.document(results))))
    }

    /// Every item's answer, in order; items unanswered at the deadline answer 504.
    ///
    /// The items run as tasks of their own (they inherit the request's task-locals, its
    /// ``UpstreamCharge`` included) rather than in a task group: a group would wait at the deadline
    /// for items still waiting on a shared upstream flight, which a cancelled waiter does not cut
    /// short. Stragglers are cancelled and left to end on their own; what they fetch still fills the cache.
    func answers(_ targets: [String]) async -> [BatchItemResult] {
        let (arrivals, arrival) = AsyncStream<(index: Int, result: BatchItemResult)?>.makeStream()
        let items = targets.enumerated().map { index, target in
            Task { arrival.yield((index, await item(target))) }
        }
        let deadline = limits.deadline
        let timer = Task {
            try? await Task.sleep(for: deadline)
            arrival.yield(nil)
        }
        var results = [BatchItemResult?](repeating: nil, count: targets.count)
        var unanswered = targets.count
        for await next in arrivals {
            guard let next else { break }  // the deadline passed
            results[next.index] = next.result
            unanswered -= 1
            if unanswered == 0 { break }
        }
        timer.cancel()
        for task in items { task.cancel() }
        arrival.finish()
        return results.map { $0 ?? .failed(Self.tooSlow(deadline)) }
    }

    /// One item: its route's lookup, or the problem.
    func item(_ target: String) async -> BatchItemResult {
        let question = target.firstIndex(of: "?")
        let path = question.map { target[..<$0] } ?? target[...]
        guard let lookup = lookups[path] else { return .failed(Self.noSuchLookup(target)) }
        let query = question.map { target[target.index(after: $0)...] }
        do {
            return .answered(try await lookup.lookup(target: target, query: query))
        } catch let problem as Problem {
            return .failed(problem)
        } catch is CancellationError {
            return .failed(Self.tooSlow(limits.deadline))
        } catch {
            dependencies.logger.error(
                "batch item failed", metadata: ["route": .string(String(path)), "error": .string("\(error)")])
            return .failed(
                Problem(
                    status: .internalServerError, slug: "internal-error", title: "Internal error",
                    detail: "The service failed to answer this item; the failure is in its log."))
        }
    }

    /// The request targets of the body, or the problem with the batch as a whole.
    static func targets(of request: Request, limits: BatchLimits) async throws(Problem) -> [String] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.maxBodyBytes {
            throw tooLarge(limits)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limits.maxBodyBytes)
        } catch {
            throw tooLarge(limits)
        }
        guard let document = try? JSONDecoder().decode(BatchRequest.self, from: Data(buffer.readableBytesView)) else {
            throw invalid(#"The body must be JSON: {"requests": ["/v1/weather/current?city=Bergen", …]}."#)
        }
        guard !document.requests.isEmpty, document.requests.count <= limits.maxItems else {
            throw invalid(
                "requests must hold 1 to \(limits.maxItems) request targets; it holds \(document.requests.count).")
        }
        return document.requests
    }

    /// The body of `POST /v1/batch`.
    struct BatchRequest: Decodable {
        var requests: [String]
    }

    static func invalid(_ detail: String) -> Problem {
        Problem(
            status: .badRequest, slug: "invalid-batch", title: "Invalid batch", detail: detail, parameter: "requests")
    }

    static func tooLarge(_ limits: BatchLimits) -> Problem {
        Problem(
            status: .contentTooLarge, slug: "batch-too-large", title: "Batch too large",
            detail: "The body may hold at most \(limits.maxBodyBytes) bytes; split the batch.")
    }

    static func noSuchLookup(_ target: String) -> Problem {
        Problem(
            status: .notFound, slug: "no-such-route", title: "No such route",
            detail:
                "A batch item must be the target of a lookup route (/v1/weather/…, /v1/air…, /v1/geocode…); GET /openapi.json lists them."
        )
    }

    static func tooSlow(_ deadline: Duration) -> Problem {
        Problem(
            status: .gatewayTimeout, slug: "batch-deadline", title: "Batch deadline passed",
            detail: "This item was not answered within the batch's \(Int(deadline.seconds)) s; ask for it again.")
    }
}
