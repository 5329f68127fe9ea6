import NIOCore
import NIOHTTP1
import WeatherServerCore
import WeatherPages

/// RFC 9112 rules checked on each request's HTTP/1 head, before it becomes an `HTTPRequest` (which
/// keeps neither the protocol version nor a second `Host`), so the fast path and Hummingbird's
/// routed path see the same outcome:
///
/// - Persistence (§9.3): a request that does not keep the connection open — `close` among its
///   `Connection` tokens in any case or position, or HTTP/1.0 without `keep-alive` (NIO's
///   `isKeepAlive`, taken from its parser), and any `CONNECT` — goes on with exactly
///   `Connection: close`, the one form
///   Hummingbird's request loop and `FastPathChannelHandler` act on.
/// - `Host` (§3.2): an HTTP/1.1 request without one, or any request with more than one, is refused
///   as a request NIO's parser cannot read is: an `HTTPParserError` down the pipeline, which
///   Hummingbird answers with 400 and `Connection: close` in its turn, after the requests before
///   it, and then closes. Nothing after it on the connection is read.
///
/// It sits between NIO's request decoder and the HTTP/1-to-HTTP-types codec (``ServiceHTTPServer``).
/// A request that keeps the connection open with one `Host` passes through as it came: no copy.
final class RequestHeadRulesHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    /// Whether a request was refused: everything after it is dropped.
    private var refused = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        guard Self.hasValidHost(head) else {
            refused = true
            // The parser error Hummingbird's request loop answers 400 and closes on.
            context.fireErrorCaught(HTTPParserError.invalidHeaderToken)
            return
        }
        // CONNECT is never served, and what follows one on the wire is a tunnel, not requests.
        if head.isKeepAlive, head.method != .CONNECT {
            context.fireChannelRead(data)
        } else {
            head.headers.replaceOrAdd(name: "connection", value: "close")
            context.fireChannelRead(wrapInboundOut(.head(head)))
        }
    }

    /// Exactly one `Host` field; none only in HTTP/1.0, which did not require it (RFC 9112 §3.2).
    static func hasValidHost(_ head: HTTPRequestHead) -> Bool {
        var count = 0
        for (name, _) in head.headers where isHost(name) { count += 1 }
        return count == 1 || (count == 0 && head.version.major == 1 && head.version.minor == 0)
    }

    /// `name` is `host` in any case, compared byte by byte (no lower-cased copy).
    private static func isHost(_ name: String) -> Bool {
        name.utf8.count == 4 && name.utf8.elementsEqual("host".utf8) { $0 | 0x20 == $1 }
    }
}
