#if AsyncHTTPClient
    import AsyncHTTPClient
    import HTTPTypes
    import NIOCore
    import NIOHTTP1
    public import WeatherCore

    /// An ``/WeatherCore/HTTPTransport`` over swift-server/async-http-client: for services that already run an
    /// `HTTPClient`, and would rather share its connection pool than install libcurl's headers.
    ///
    /// - Every request goes through ``Configuration/client`` (`HTTPClient.shared` unless you pass your own), which
    ///   keeps connections alive and reuses them; the transport owns nothing and needs no shut-down.
    /// - The whole request, body included, is bounded by ``Configuration/timeout`` or the request's own
    ///   ``/WeatherCore/TransportRequest/timeout``, whichever is shorter.
    /// - Cancelling the calling task ends the request at once with `CancellationError` (AsyncHTTPClient closes its
    ///   connection).
    /// - Failures without a response throw ``/WeatherCore/WeatherError`` with a transport code and the redacted URL,
    ///   as ``/WeatherCore/HTTPTransport`` asks; non-2xx statuses are returned as responses. Nothing is logged.
    ///
    /// ```swift
    /// let transport = AsyncHTTPClientTransport(configuration: .init(timeout: .seconds(10)))
    /// let client = WeatherClient(transport: transport, configuration: .init(apiKey: APIKey(key)))
    /// let result = try await client.current(for: .city(name: "Lisbon", country: "PT"))
    /// ```
    public struct AsyncHTTPClientTransport: HTTPTransport {
        /// The settings every request of this transport uses.
        public let configuration: Configuration

        /// Creates a transport that sends through `configuration.client`.
        public init(configuration: Configuration = .init()) {
            self.configuration = configuration
        }

        /// Sends `request` through the client and collects the whole body.
        public func send(_ request: TransportRequest) async throws -> TransportResponse {
            try Task.checkCancellation()
            let limit = min(request.timeout ?? configuration.timeout, configuration.timeout)
            let deadline = ContinuousClock.now.advanced(by: limit)
            do {
                let response = try await configuration.client.execute(outgoing(request), timeout: TimeAmount(limit))
                let body = try await collect(response.body, before: deadline)
                let status = HTTPResponse.Status(
                    code: Int(response.status.code), reasonPhrase: response.status.reasonPhrase)
                return TransportResponse(
                    head: HTTPResponse(status: status, headerFields: HTTPFields(response.headers)), body: body)
            } catch {
                if Task.isCancelled { throw CancellationError() }
                throw AsyncHTTPClientErrorMapping.error(
                    for: error, url: request.redactedURL, maxBytes: configuration.maxResponseBytes)
            }
        }

        /// The request as AsyncHTTPClient takes it, with the configured `User-Agent` and `Accept-Encoding` where the
        /// request names none.
        private func outgoing(_ request: TransportRequest) -> HTTPClientRequest {
            var outgoing = HTTPClientRequest(url: request.head.absoluteURL)
            outgoing.method = HTTPMethod(rawValue: request.head.method.rawValue)
            for field in request.head.headerFields {
                outgoing.headers.add(name: field.name.rawName, value: field.value)
            }
            if request.head.headerFields[.userAgent] == nil {
                outgoing.headers.add(name: "User-Agent", value: configuration.userAgent)
            }
            if configuration.acceptsCompressedBodies, request.head.headerFields[.acceptEncoding] == nil {
                outgoing.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
            }
            if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
            return outgoing
        }

        /// The whole body, at most ``Configuration/maxResponseBytes``; AsyncHTTPClient's own deadline ends with the
        /// response head, so the rest of the time limit is kept here.
        private func collect(_ body: HTTPClientResponse.Body, before deadline: ContinuousClock.Instant) async throws
            -> [UInt8]
        {
            let maxBytes = configuration.maxResponseBytes
            return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
                group.addTask { Array(buffer: try await body.collect(upTo: maxBytes)) }
                group.addTask {
                    try await Task.sleep(until: deadline, clock: .continuous)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let bytes = first else { throw BodyDeadlineExceeded() }
                return bytes
            }
        }
    }

    extension HTTPFields {
        /// AsyncHTTPClient's header fields in swift-http-types' form; a name HTTPTypes refuses is left out.
        init(_ headers: HTTPHeaders) {
            self.init()
            for (name, value) in headers {
                if let name = HTTPField.Name(name) { append(HTTPField(name: name, value: value)) }
            }
        }
    }

    extension TimeAmount {
        /// `duration` in nanoseconds, as NIO counts time.
        init(_ duration: Duration) {
            let (seconds, attoseconds) = duration.components
            self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
    }
#endif
