import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WeatherServerCore
import WeatherPages

/// `GET /health` (liveness: never touches the network) and `GET /ready` (readiness: every
/// configured dependency answers within its bound).
struct HealthResponder: Sendable {
    /// How long one readiness check may take.
    static let readinessBound: Duration = .milliseconds(250)
    let dependencies: ServiceDependencies

    /// `{"cache":"memory","mode":"demo","status":"ok","uptime_s":12,"version":"…"}` — built from
    /// our own constants, so formatting it costs less than an encoder.
    func health() -> Response { healthAnswer().response }

    /// ``health()`` as the fast path writes it.
    func healthAnswer() -> FastAnswer {
        let uptime = Int((ContinuousClock.now - dependencies.startedAt).components.seconds)
        let body =
            #"{"cache":"\#(dependencies.cacheKind.rawValue)","mode":"\#(dependencies.mode.rawValue)","status":"ok","uptime_s":\#(uptime),"version":"\#(ServiceVersion.current)"}"#
        return FastAnswer(
            status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: ByteBuffer(string: body))
    }

    /// 200 `{"status":"ready","checks":{"redis":"ok"}}`, or 503 naming what failed.
    func ready() async -> Response {
        var checks: [String: String] = [:]
        await withTaskGroup(of: (String, String).self) { group in
            for (name, check) in dependencies.readinessChecks {
                group.addTask { (name, await Self.run(check)) }
            }
            for await (name, outcome) in group { checks[name] = outcome }
        }
        let ready = checks.values.allSatisfy { $0 == "ok" }
        let document = ReadyDocument(status: ready ? "ready" : "not_ready", checks: checks)
        let bytes = (try? ServiceJSON.encode(document)) ?? Array(#"{"status":"not_ready"}"#.utf8)
        return Response(
            status: ready ? .ok : .serviceUnavailable,
            headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `ok`, `timeout`, `unavailable` or a ``ReadinessFailure``'s summary, within ``readinessBound``.
    static func run(_ check: @escaping @Sendable () async throws -> Void) async -> String {
        await withTaskGroup(of: String.self) { group in
            group.addTask {
                do {
                    try await check()
                    return "ok"
                } catch let failure as ReadinessFailure {
                    return failure.summary
                } catch {
                    return "unavailable"
                }
            }
            group.addTask {
                try? await Task.sleep(for: readinessBound)
                return "timeout"
            }
            let first = await group.next() ?? "timeout"
            group.cancelAll()
            return first
        }
    }

    /// `/ready`'s body.
    struct ReadyDocument: Codable {
        var status: String
        var checks: [String: String]
    }
}

/// A readiness check's failure that says what to do, reported by `/ready` as it is (any other
/// error is reported as `unavailable`).
struct ReadinessFailure: Error, Sendable {
    /// The check's value in `/ready`'s `checks`.
    let summary: String

    /// No API key: the service runs on demo weather it was not asked for.
    static let missingAPIKey = ReadinessFailure(
        summary: "missing: set OPENWEATHER_API_KEY for real weather, or DEMO=1 to serve demo weather on purpose")
}
