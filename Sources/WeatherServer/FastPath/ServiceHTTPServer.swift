import Hummingbird
public import HummingbirdCore
public import Logging
public import NIOCore
import NIOHTTPTypes
import RequestTargetEncoding

/// The service's HTTP/1.1 server: Hummingbird's `HTTP1Channel`, with ``FastPathChannelHandler``
/// added to each connection's pipeline right before Hummingbird's request handling, and the
/// `RequestTargetEncoder` (shared with the stub) first of all, so a raw UTF-8 request target reaches both paths.
///
/// Hummingbird's `additionalChannelHandlers` go in front of its `HTTPConnectionStateHandler`; a
/// handler there that answers requests would hide them from it, and the idle timeout would then
/// close a connection busy with fast answers. So the handler goes after it, next to the
/// `NIOAsyncChannel` that feeds Hummingbird.
public struct ServiceHTTPServer: ServerChildChannel, HTTPChannelHandler {
    /// What each connection's Hummingbird side is given: the async channel of HTTP parts.
    public typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let fastPath: ServiceFastPath
    let serverName: String?

    /// Hummingbird's responder, run for everything the fast path passes on.
    public var responder: HTTPChannelHandler.Responder { base.responder }

    /// Sets up a connection: Hummingbird's HTTP/1 pipeline, a `RequestTargetEncoder` in front of its
    /// HTTP decoder, then the fast path in front of the async channel.
    public func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            // Raw UTF-8 in the target (`?city=Zürich`, as curl sends it) would be refused by NIO's parser
            // with an empty 400 that no route, log or metric sees; encoded, it means `Z%C3%BCrich`.
            try operations.addHandler(RequestTargetEncoder(), position: .first)
            let state = try operations.handler(type: HTTPConnectionStateHandler.self)
            try operations.addHandler(
                FastPathChannelHandler(fastPath: fastPath, serverName: serverName), position: .after(state))
            return value
        }
    }

    /// Runs Hummingbird's request loop for the connection.
    public func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }

    /// The builder to pass to `Application(server:)`: HTTP/1.1 with `configuration`, the fast path
    /// of `responder` on every connection, and `Server: serverName` on its answers.
    public static func http1(
        configuration: HTTP1Channel.Configuration = .init(), responder: ServiceResponder, serverName: String?
    ) -> HTTPServerBuilder {
        .init { hummingbirdResponder in
            ServiceHTTPServer(
                base: HTTP1Channel(responder: hummingbirdResponder, configuration: configuration),
                fastPath: responder.fastPath, serverName: serverName)
        }
    }
}
