import Foundation
import NIOCore
import NIOHTTP1

/// Serves one connection: counts it, routes each request, and applies the injected faults.
///
/// Runs on its channel's event loop only; timers go through `assumeIsolated()` so no state
/// crosses threads.
final class StubHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// A response header that tells the compressor to leave a (faulty) response alone; it is removed before sending.
    static let identityMarker = "x-stub-identity"

    private let state: StubState
    private let configuration: OpenWeatherStub.Configuration
    private var requestHead: HTTPRequestHead?
    /// The body of the request being read (only the `/__stub/` control endpoints use one).
    private var requestBody: [UInt8] = []
    /// Whether a response has started but not finished: a close now means the client gave up.
    private var isResponding = false
    private var pendingTask: Scheduled<Void>?

    init(state: StubState, configuration: OpenWeatherStub.Configuration) {
        self.state = state
        self.configuration = configuration
    }

    func channelActive(context: ChannelHandlerContext) {
        state.update {
            $0.connectionsAccepted += 1
            $0.connectionsOpen += 1
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        let abandoned = isResponding
        state.update {
            $0.connectionsOpen -= 1
            if abandoned { $0.requestsAbandoned += 1 }
        }
        isResponding = false
        pendingTask?.cancel()
        pendingTask = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            requestHead = head
            requestBody.removeAll(keepingCapacity: true)
        case .body(let buffer):
            if requestBody.count < StubControl.maxBodyBytes { requestBody += buffer.readableBytesView }
        case .end:
            guard let head = requestHead else { return }
            requestHead = nil
            handle(head, context: context)
        }
    }

    private func handle(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        var request = StubRequest(
            uri: head.uri, now: configuration.now(), bucketSeconds: Self.bucketSeconds(configuration))
        request.oneCallPlan = configuration.oneCallPlan
        request.oneCall4Quirks = configuration.oneCall4Quirks
        request.linkBase = linkBase(head, context: context)
        let keepAlive = head.isKeepAlive
        if request.path.hasPrefix(StubControl.prefix) {
            let response = StubControl.respond(
                method: head.method.rawValue, path: request.path, body: requestBody, state: state)
            send(response, version: head.version, keepAlive: keepAlive, context: context)
            return
        }
        let plan = state.admit(path: request.path)
        request.oneCall4Quirks.formUnion(plan.quirks)
        if StubRouter.isAlertPath(request.path) {  // counted by the id, however it was encoded
            request.alertLookup = state.countLookup(of: request.path.removingPercentEncoding ?? request.path)
        }
        isResponding = true
        let respond = { [self] in
            pendingTask = nil
            perform(plan.fault, request: request, version: head.version, keepAlive: keepAlive, context: context)
        }
        if plan.latency > .zero {
            pendingTask = context.eventLoop.assumeIsolated().scheduleTask(in: Self.timeAmount(plan.latency)) {
                respond()
            }
        } else {
            respond()
        }
    }

    private func perform(
        _ fault: StubFault?, request: StubRequest, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext
    ) {
        guard isResponding else { return }
        let normal = { StubRouter.respond(to: request, apiKey: self.configuration.apiKey) }
        switch fault {
        case nil, .latency, .oneCall4Quirk: send(normal(), version: version, keepAlive: keepAlive, context: context)
        case .status(let status): send(.serverError(status), version: version, keepAlive: keepAlive, context: context)
        case .rateLimited(let seconds):
            send(.rateLimited(retryAfter: seconds), version: version, keepAlive: keepAlive, context: context)
        case .htmlErrorPage: send(.badGatewayPage, version: version, keepAlive: keepAlive, context: context)
        case .olderObservation(let seconds):
            let earlier = request.shifted(back: seconds, bucketSeconds: Self.bucketSeconds(configuration))
            send(
                StubRouter.respond(to: earlier, apiKey: configuration.apiKey), version: version, keepAlive: keepAlive,
                context: context)
        case .malformedJSON:
            send(.json(#"{"coord":{"lon":12.5,"lat":"#), version: version, keepAlive: keepAlive, context: context)
        case .truncatedBody:
            let response = normal()
            let bytes = Array(response.body.utf8)
            writeHead(response, contentLength: bytes.count, version: version, keepAlive: true, context: context)
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: bytes.prefix(bytes.count / 2))))))
                .assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            isResponding = false
        case .slowDrip(let chunkSize, let interval):
            let response = normal()
            let bytes = Array(response.body.utf8)
            writeHead(response, contentLength: bytes.count, version: version, keepAlive: keepAlive, context: context)
            drip(
                bytes, from: 0, chunkSize: max(chunkSize, 1), interval: Self.timeAmount(interval),
                keepAlive: keepAlive, context: context)
        case .connectionReset:
            isResponding = false
            if let provider = context.channel as? any SocketOptionProvider {
                provider.unsafeSetSocketOption(level: .socket, name: .so_linger, value: ResetLinger()).assumeIsolated()
                    .whenComplete { _ in
                        context.close(promise: nil)
                    }
            } else {
                context.close(promise: nil)
            }
        }
    }

    private func drip(
        _ bytes: [UInt8], from offset: Int, chunkSize: Int, interval: TimeAmount, keepAlive: Bool,
        context: ChannelHandlerContext
    ) {
        guard isResponding else { return }
        let end = min(offset + chunkSize, bytes.count)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: bytes[offset..<end])))), promise: nil)
        if end == bytes.count {
            finish(keepAlive: keepAlive, context: context)
            return
        }
        pendingTask = context.eventLoop.assumeIsolated().scheduleTask(in: interval) { [self] in
            drip(bytes, from: end, chunkSize: chunkSize, interval: interval, keepAlive: keepAlive, context: context)
        }
    }

    private func send(_ response: StubResponse, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext) {
        var body = context.channel.allocator.buffer(capacity: response.body.utf8.count)
        body.writeString(response.body)
        writeHead(
            response, contentLength: body.readableBytes, version: version, keepAlive: keepAlive,
            context: context, compressible: true)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        finish(keepAlive: keepAlive, context: context)
    }

    private func finish(keepAlive: Bool, context: ChannelHandlerContext) {
        isResponding = false
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive { written.assumeIsolated().whenComplete { _ in context.close(promise: nil) } }
    }

    private func writeHead(
        _ response: StubResponse, contentLength: Int, version: HTTPVersion, keepAlive: Bool,
        context: ChannelHandlerContext, compressible: Bool = false
    ) {
        var headers = HTTPHeaders()
        headers.add(name: "Server", value: "openweather-stub")
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: String(contentLength))
        for (name, value) in response.extraHeaders { headers.add(name: name, value: value) }
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        if !compressible, configuration.compressResponses { headers.add(name: Self.identityMarker, value: "1") }
        let head = HTTPResponseHead(
            version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
    }

    /// Where One Call 4.0 links point: the configured base, else the scheme and host of an
    /// absolute-form target, else `http://` and the `Host` header (or the address the request reached).
    private func linkBase(_ head: HTTPRequestHead, context: ChannelHandlerContext) -> String {
        if let configured = configuration.oneCall4LinkBase {
            return configured.hasSuffix("/") ? String(configured.dropLast()) : configured
        }
        if let base = StubRequest.absoluteFormBase(head.uri) { return base }
        if let host = head.headers.first(name: "Host"), !host.isEmpty { return "http://" + host }
        let port = context.channel.localAddress?.port ?? configuration.port
        return "http://\(configuration.host):\(port)"
    }

    private static func bucketSeconds(_ configuration: OpenWeatherStub.Configuration) -> Int {
        Int(configuration.timeBucket.components.seconds)
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

/// The layout of C's `struct linger` (two `int`s on Linux and Darwin). NIO's `NIOLinger` cannot be
/// built here without importing its internal C module, so the option is set through the
/// provider's raw API with this mirror type.
private struct ResetLinger: Sendable {
    var onOff: Int32 = 1
    var seconds: Int32 = 0
}
