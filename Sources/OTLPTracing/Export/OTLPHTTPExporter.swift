import HTTPTypes
import WeatherCore

/// POSTs encoded trace requests to the collector's `/v1/traces` through a ``WeatherCore/HTTPTransport``
/// (the service's curl transport), retrying what OTLP/HTTP calls retryable — 429, 502, 503, 504 and
/// requests that got no response — with exponential backoff until the batch's deadline.
struct OTLPHTTPExporter: Sendable {
    let transport: any HTTPTransport
    let endpoint: String
    let headers: HTTPFields
    /// How long one request may take.
    let requestTimeout: Duration

    /// Why a batch was not delivered, safe to log: a status or a transport error, whose message has
    /// URL credentials and secret query items redacted; never the endpoint's userinfo or a header.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(transport: any HTTPTransport, configuration: OTLPTracingConfiguration) {
        self.transport = transport
        endpoint = configuration.endpoint
        var headers: HTTPFields = [.contentType: "application/x-protobuf"]
        for (name, value) in configuration.headers {
            if let name = HTTPField.Name(name) { headers.append(HTTPField(name: name, value: value)) }
        }
        self.headers = headers
        requestTimeout = configuration.exportTimeout
    }

    /// The endpoint with any userinfo and secret query item redacted, for log lines.
    var redactedEndpoint: String { URLRedaction.redact(endpoint) }

    /// Sends `body`, retrying until it is accepted, refused for good, or `deadline` comes.
    func export(_ body: [UInt8], until deadline: ContinuousClock.Instant) async throws(Failure) {
        var backoff = Duration.milliseconds(100)
        while true {
            let left = deadline - .now
            let failure: Failure
            let retryable: Bool
            do {
                let response = try await transport.send(
                    TransportRequest(method: .post, url: endpoint, headerFields: headers, body: body,
                        timeout: min(requestTimeout, max(left, .milliseconds(1)))))
                switch response.head.status.code {
                case 200..<300: return
                case 429, 502, 503, 504:
                    (failure, retryable) = (Failure(description: "HTTP \(response.head.status.code)"), true)
                default:
                    (failure, retryable) = (Failure(description: "HTTP \(response.head.status.code), not retried"), false)
                }
            } catch is CancellationError {
                throw Failure(description: "cancelled")
            } catch {
                (failure, retryable) = (Failure(description: "\(error)"), true)
            }
            // Jitter: replicas that lost the collector together do not retry together.
            let pause = backoff * Double.random(in: 0.5...1)
            guard retryable, ContinuousClock.now + pause < deadline else { throw failure }
            do { try await Task.sleep(for: pause) } catch { throw failure }
            backoff = min(backoff * 2, .seconds(5))
        }
    }
}
