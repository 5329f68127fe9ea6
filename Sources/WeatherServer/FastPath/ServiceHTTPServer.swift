import Hummingbird
public import HummingbirdCore
public import Logging
public import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import RequestTargetEncoding
import WeatherServerCore
import WeatherPages

/// The service's HTTP/1.1 server: Hummingbird's `HTTP1Channel`, with `FastPathChannelHandler`
/// added to each connection's pipeline right before Hummingbird's request handling, and the
/// `RequestTargetEncoder` (shared with the stub) first of all, so a raw UTF-8 request target reaches both paths.
///
/// Hummingbird's `additionalChannelHandlers` go in front of its `HTTPConnectionStateHandler`; a
/// handler there that answers requests would hide them from it, and the idle timeout would then
/// close a connection busy with fast answers. So the handler goes after it, next to the
/// `NIOAsyncChannel` that feeds Hummingbird. `RequestHeadRulesHandler` goes right after NIO's
/// request decoder, where the protocol version and every `Host` field are still there to see.
///
/// With a ``ConnectionCap``, a connection over it is closed before anything is set up for it.
public struct ServiceHTTPServer: ServerChildChannel, HTTPChannelHandler {
    /// What each connection's Hummingbird side is given: the async channel of HTTP parts.
    public typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let fastPath: ServiceFastPath
    let serverName: String?
    let connectionCap: ConnectionCap?

    /// Hummingbird's responder, run for everything the fast path passes on.
    public var responder: HTTPChannelHandler.Responder { base.responder }

    /// Sets up a connection: Hummingbird's HTTP/1 pipeline, a `RequestTargetEncoder` in front of its
    /// HTTP decoder, the request-head rules after the decoder, then the fast path in front of the
    /// async channel; or, over the connection cap, closes it.
    public func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        if let connectionCap, !connectionCap.admit(channel) {
            // A failed setup leaves the connection unregistered and unused (NIO's async accept
            // drops it); closing it here releases its descriptor.
            channel.close(promise: nil)
            return channel.eventLoop.makeFailedFuture(ConnectionCap.Refused())
        }
        return base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            // Raw UTF-8 in the target (`?city=Zürich`, as curl sends it) would be refused by NIO's parser
            // with an empty 400 that no route, log or metric sees; encoded, it means `Z%C3%BCrich`.
            try operations.addHandler(RequestTargetEncoder(), position: .first)
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(RequestHeadRulesHandler(), position: .after(decoder))
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
    /// of `responder` on every connection, `Server: serverName` on its answers, and at most
    /// `connectionCap`'s limit of connections open at once (no limit without one).
    public static func http1(
        configuration: HTTP1Channel.Configuration = .init(), responder: ServiceResponder, serverName: String?,
        connectionCap: ConnectionCap? = nil
    ) -> HTTPServerBuilder {
        .init { hummingbirdResponder in
            ServiceHTTPServer(
                base: HTTP1Channel(responder: hummingbirdResponder, configuration: configuration),
                fastPath: responder.fastPath, serverName: serverName, connectionCap: connectionCap)
        }
    }
}
