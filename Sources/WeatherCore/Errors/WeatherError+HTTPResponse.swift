public import Foundation
import HTTPTypes

extension WeatherError {
    /// The error an OpenWeather response stands for, or `nil` when it is a success to decode.
    ///
    /// | response | error |
    /// |---|---|
    /// | 401, message about One Call 3.0 and a "separate subscription" | ``Code/subscriptionRequired`` |
    /// | 401 | ``Code/invalidAPIKey`` |
    /// | 404 saying "not found" ("city not found", "Error: Not found city") or nothing | ``Code/notFound``, with `query` |
    /// | 404 with another message (`"Internal error"`: a path OpenWeather does not serve) | ``Code/serverError``, status 404 |
    /// | 429 | ``Code/rateLimited``, with ``retryAfter`` from `Retry-After` (seconds or HTTP-date) |
    /// | 400 | ``Code/badRequest``, with OpenWeather's message |
    /// | 5xx (any body) | ``Code/serverError``, keeping the status and `Retry-After` |
    /// | 2xx with a JSON body whose `cod` is not 200 | mapped as if `cod` were the status |
    /// | 2xx with an empty or HTML body | ``Code/unexpectedResponse`` |
    /// | 400/401/404 with an HTML or empty body, any other status | ``Code/unexpectedResponse`` |
    ///
    /// An HTML or empty body on 400, 401 or 404 did not come from OpenWeather's API (a proxy, a wrong
    /// base URL), so it is not reported as a bad key or an unknown place.
    ///
    /// - Parameters:
    ///   - response: what the transport received.
    ///   - query: the place or query asked about, for messages and ``query`` (never the key).
    ///   - url: the request's URL; it is stored redacted.
    ///   - now: the current time, to turn a `Retry-After` HTTP-date into a duration.
    public init?(response: TransportResponse, query: String? = nil, url: String? = nil, now: Date) {
        let body = ResponseBody(response)
        var status = response.head.status.code
        if (200..<300).contains(status) {
            switch body.kind {
            case .empty:
                self = .unexpectedResponse(status: status, problem: "an empty body", query: query, url: url)
                return
            case .html:
                self = .unexpectedResponse(status: status, problem: body.htmlSummary, query: query, url: url)
                return
            case .json, .other:
                // Success bodies are only scanned when small: error bodies are a few hundred bytes, so a
                // large document is data, and scanning it would cost every request.
                guard response.body.count <= ResponseBody.errorBodyLimit, let cod = body.errorBody?.cod,
                    cod != 200, (100..<600).contains(cod)
                else { return nil }
                status = cod
            }
        }
        let retryAfter = response.head.headerFields[.retryAfter].flatMap { RetryAfter.parse($0, now: now) }
        let message = body.errorBody?.message.map(Self.cleaned)
        let fromAPI = body.kind == .json && body.errorBody != nil

        switch status {
        case 401 where fromAPI:
            self =
                Self.mentionsOneCallSubscription(message)
                ? .subscriptionRequired(message: message, query: query, url: url)
                : .invalidAPIKey(message: message, query: query, url: url)
        case 404 where fromAPI && Self.saysNotFound(message):
            self = .notFound(query: query, message: message, url: url)
        case 404 where fromAPI:
            self = .unexpectedNotFound(message: message ?? "", query: query, url: url)
        case 400 where fromAPI:
            self = .badRequest(message: message, query: query, url: url)
        case 429:
            self = .rateLimited(retryAfter: retryAfter, message: message, query: query, url: url)
        case 500..<600:
            let detail = body.kind == .html ? body.htmlSummary : (message ?? body.kind.description)
            self = .serverError(status: status, detail: detail, retryAfter: retryAfter, query: query, url: url)
        default:
            let problem: String
            switch body.kind {
            case .json: problem = message.map { "the message \"\($0)\"" } ?? "an unrecognised JSON body"
            case .html: problem = body.htmlSummary
            case .empty, .other: problem = body.kind.description
            }
            var error = WeatherError.unexpectedResponse(status: status, problem: problem, query: query, url: url)
            if (300..<400).contains(status), let location = response.head.headerFields[.location] {
                error.message += " It redirects to \(URLRedaction.redact(location)): use that base URL."
            }
            self = error
        }
        if response.head.status.code != status {
            self.underlying = "HTTP \(response.head.status.code) carrying an error body with cod \(status)"
        }
    }

    /// The error for `response` to `request`, or `nil` for a success: ``init(response:query:url:now:)`` with
    /// the request's place as the query and its redacted URL.
    public init?(
        response: TransportResponse, to request: OpenWeatherRequest, httpRequest: TransportRequest? = nil, now: Date
    ) {
        self.init(response: response, query: request.subjectText, url: httpRequest?.redactedURL, now: now)
    }

    /// Whether a 404's message is OpenWeather's "no such place" (`city not found`, the legacy
    /// `Error: Not found city`, geocoding's `not found`); a 404 without a message counts too.
    static func saysNotFound(_ message: String?) -> Bool {
        guard let text = message?.lowercased() else { return true }
        return text.contains("not found")
    }

    /// Whether OpenWeather's 401 message is the One Call 3.0 subscription notice.
    static func mentionsOneCallSubscription(_ message: String?) -> Bool {
        guard let text = message?.lowercased() else { return false }
        return text.contains("one call") && text.contains("subscription")
    }

    /// OpenWeather's message, on one line, at most 300 characters, with any secret query item redacted.
    static func cleaned(_ message: String) -> String {
        let oneLine = String(message.map { $0.isNewline || $0 == "\t" ? " " : $0 })
            .unicodeScalars.filter { $0.properties.generalCategory != .control }
        var text = String(String.UnicodeScalarView(oneLine))
        if text.count > 300 { text = String(text.prefix(299)) + "…" }
        return URLRedaction.redact(text)
    }
}
