package import Foundation
public import HTTPTypes

/// An RFC 9457 problem document: what went wrong, as `application/problem+json`.
///
/// Every error answer of the service is one of these. ``detail`` is written for the client; it
/// may quote the client's own input (JSON-escaped), never the API key, a stack trace or an
/// upstream URL. For 400s ``parameter`` names the offending query parameter.
public struct Problem: Error, Sendable, Equatable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A short slug naming the kind of problem; the `type` URI is built from it.
    public var slug: String
    /// A short, human-readable summary of the kind of problem (the same for every occurrence).
    public var title: String
    /// What happened this time and what to do about it.
    public var detail: String
    /// The query parameter at fault (400s).
    public var parameter: String?
    /// When to try again, in whole seconds (429, 503): also sent as `Retry-After`.
    public var retryAfterSeconds: Int?
    /// The methods the resource takes (405): sent as `Allow`.
    public var allow: String?

    /// Creates a problem.
    public init(
        status: HTTPResponse.Status, slug: String, title: String, detail: String, parameter: String? = nil,
        retryAfterSeconds: Int? = nil, allow: String? = nil
    ) {
        self.allow = allow
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.parameter = parameter
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The `type` member: a URN naming the problem kind, stable for clients to switch on.
    public var type: String { "urn:weather-tracker:problem:\(slug)" }

    /// A 400 for the query parameter `parameter`.
    package static func invalidParameter(_ parameter: String, _ detail: String) -> Problem {
        Problem(
            status: .badRequest, slug: "invalid-parameter", title: "Invalid query parameter", detail: detail,
            parameter: parameter)
    }

    /// A 422 for the query parameter `parameter`: its value is well formed (the OpenAPI document's
    /// schema admits it) but cannot be answered as asked — it contradicts another parameter, lies
    /// outside the time the data covers, or is free text that names no place.
    package static func unprocessableParameter(_ parameter: String, _ detail: String) -> Problem {
        Problem(
            status: .unprocessableContent, slug: "unprocessable-parameter", title: "Query parameter cannot be answered",
            detail: detail, parameter: parameter)
    }

    /// The document's JSON.
    package var jsonBytes: [UInt8] {
        let document = ProblemDocument(
            type: type, title: title, status: Int(status.code), detail: detail, parameter: parameter,
            retryAfterS: retryAfterSeconds)
        return (try? ServiceJSON.encode(document)) ?? Array(#"{"status":500}"#.utf8)
    }

    /// The members of the document, as RFC 9457 names them (plus `parameter` and `retry_after_s`).
    package struct ProblemDocument: Codable {
        package var type: String
        package var title: String
        package var status: Int
        package var detail: String
        package var parameter: String?
        package var retryAfterS: Int?
    }
}
