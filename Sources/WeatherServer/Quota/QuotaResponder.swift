import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import WeatherCore
import WeatherServerCore
import WeatherPages

/// `GET /v1/quota`: the account-wide upstream budget as this replica sees it — read from the
/// client's quota store (``QuotaStore/snapshot()``), never spending a call.
///
/// With Redis the figures are the account's (`scope: shared`); while Redis is unreachable, or
/// without it, they are this replica's books (`scope: local`). A store that keeps no figures
/// answers a 503 problem.
struct QuotaResponder: Sendable {
    let dependencies: ServiceDependencies

    func respond() async throws -> Response {
        let client = dependencies.client
        let snapshot: QuotaSnapshot?
        do {
            snapshot = try await client.quotaSnapshot()
        } catch let error as WeatherError {
            dependencies.logger.warning("quota snapshot failed", metadata: ["error": .string(error.description)])
            throw Problem.quotaUnknown("the quota store did not answer; try again shortly")
        }
        guard let snapshot else {
            throw Problem.quotaUnknown("this service's quota store keeps no figures it can show")
        }
        let bytes = try ServiceJSON.encode(QuotaDocument(snapshot, keyFingerprint: client.apiKeyFingerprint))
        return Response(
            status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension Problem {
    /// 503 for `GET /v1/quota` when the budget cannot be read.
    static func quotaUnknown(_ why: String) -> Problem {
        Problem(
            status: .serviceUnavailable, slug: "quota-unknown", title: "Quota figures unavailable",
            detail: "The upstream budget could not be read: \(why). Lookups are not affected by this answer.",
            retryAfterSeconds: 1)
    }
}
