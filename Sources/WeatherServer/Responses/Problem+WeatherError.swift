import HTTPTypes
package import WeatherCore
package import WeatherServerCore
import WeatherPages

extension Problem {
    /// The client's view of a lookup that failed with `error` (and had nothing stale to serve).
    ///
    /// 422 a well-formed request upstream cannot answer, 404 unknown place, 429 quota or upstream rate limit (with `Retry-After`),
    /// 502 upstream answered garbage or refused our key, 503 upstream unreachable, 504 upstream
    /// timed out. The detail never carries the upstream URL or the API key; what an operator needs
    /// (the full ``WeatherError/description``, redacted) goes to the log instead.
    ///
    /// A budget refusal that was the client's own (its ``UpstreamCharge`` in the current request
    /// was refused) is the client's 429 ``clientLimited(_:retryAfterSeconds:)``, on every route and page.
    package init(_ error: WeatherError) {
        let retryAfter = error.retryAfter.map { max(1, Int($0.seconds.rounded(.up))) }
        if error.code == .quotaExhausted, let refusal = UpstreamCharge.current?.refusal {
            self = .clientLimited(refusal.limit, retryAfterSeconds: refusal.retryAfterSeconds)
            return
        }
        switch error.code {
        case .invalidRequest, .badRequest:
            // The router has validated the parameters by now (a 400 names the one at fault), so what the
            // client or OpenWeather refuses here is well formed but not answerable as asked: a 15-minute
            // timeline on a One Call 3.0 account, a time upstream does not cover.
            self.init(
                status: .unprocessableContent, slug: "unanswerable-request", title: "Request cannot be answered",
                detail: error.message)
        case .notFound:
            self.init(status: .notFound, slug: "place-not-found", title: "Unknown place", detail: error.message)
        case .quotaExhausted:
            self.init(
                status: .tooManyRequests, slug: "quota-exhausted", title: "Upstream call budget spent",
                detail:
                    "This service has spent its OpenWeather call budget for now and has no cached answer for this request. Try again after Retry-After seconds.",
                retryAfterSeconds: retryAfter ?? 60)
        case .rateLimited:
            self.init(
                status: .tooManyRequests, slug: "upstream-rate-limited", title: "Upstream rate limit",
                detail:
                    "OpenWeather is rate-limiting this service and no cached answer exists for this request. Try again after Retry-After seconds.",
                retryAfterSeconds: retryAfter ?? 60)
        case .subscriptionRequired:
            let which = error.message.contains("3.0 and 4.0") ? "" : error.message.contains("4.0") ? " 4.0" : " 3.0"
            self.init(
                status: .badGateway, slug: "onecall-subscription-required", title: "No One Call subscription",
                detail:
                    "OpenWeather refused One Call\(which) for this service's API key: its account has no subscription to it, "
                    + "so One Call data (One Call, timelines, alerts) cannot be served. Current weather, the forecast, air "
                    + "quality and geocoding still work. This is a configuration problem on the service's side; its "
                    + "operator is told in the log.")
        case .invalidAPIKey:
            self.init(
                status: .badGateway, slug: "upstream-refused-key", title: "Upstream refused the service's key",
                detail:
                    "OpenWeather refused this service's API key or plan for this endpoint. This is a configuration problem on the service's side; its operator is told in the log.")
        case .timeout:
            self.init(
                status: .gatewayTimeout, slug: "upstream-timeout", title: "Upstream timed out",
                detail: "OpenWeather did not answer in time and no cached answer exists for this request. Try again shortly.")
        case .connectionRefused, .connectionFailed, .dnsFailure, .tlsFailure, .cacheUnavailable:
            self.init(
                status: .serviceUnavailable, slug: "upstream-unreachable", title: "Upstream unreachable",
                detail:
                    "OpenWeather could not be reached and no cached answer exists for this request. Try again shortly.",
                retryAfterSeconds: retryAfter ?? 5)
        default:
            // serverError, unexpectedResponse, decodingFailed, responseTooLarge, and codes added later.
            self.init(
                status: .badGateway, slug: "upstream-bad-response", title: "Upstream answered badly",
                detail:
                    "OpenWeather answered with an error or a response this service could not read, and no cached answer exists for this request.")
        }
    }
}
