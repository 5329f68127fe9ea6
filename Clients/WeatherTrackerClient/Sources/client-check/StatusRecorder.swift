import Foundation
import HTTPTypes
import OpenAPIRuntime
import Synchronization

/// A client middleware that remembers the HTTP status of the latest answer to each operation, so
/// that a check can compare what the wire said with the generated `Output` case.
final class StatusRecorder: ClientMiddleware {
    /// What the wire said about one answer.
    struct Answer: Sendable {
        /// The HTTP status code.
        var status: Int
    }

    private let answers = Mutex<[String: Answer]>([:])

    /// The latest answer to the operation named `operationID`, if it was called.
    func answer(to operationID: String) -> Answer? {
        answers.withLock { $0[operationID] }
    }

    /// Forgets the answer to `operationID`, so that the next call records afresh.
    func forget(_ operationID: String) {
        _ = answers.withLock { $0.removeValue(forKey: operationID) }
    }

    /// Passes the request on and records the answer's status under `operationID`.
    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = try await next(request, body, baseURL)
        answers.withLock { $0[operationID] = Answer(status: response.status.code) }
        return (response, responseBody)
    }
}
