import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers fast-path requests (``ServiceFastPath``) on the event loop, before they enter
/// Hummingbird: no request object, no task, no async writer — the response parts are written
/// straight back down the pipeline. Everything else is passed on untouched.
///
/// It sits after Hummingbird's `HTTPConnectionStateHandler` (see ``ServiceHTTPServer``), so the
/// connection's idle timeout, its request count and its graceful-shutdown close see every request
/// and response, answered here or not.
///
/// Responses on one connection must leave in request order (HTTP/1.1 pipelining): a request is
/// answered here only while no request passed on is still waiting for the end of its response;
/// otherwise it is passed on too, and ``ServiceResponder`` gives it the same answer in turn.
/// A request saying `Connection: close` is passed on as well: closing the connection after the
/// answer is Hummingbird's. (`Connection: keep-alive`, which browsers and most clients send, is
/// HTTP/1.1's default and answered here.)
final class FastPathChannelHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let fastPath: ServiceFastPath
    private let serverName: String?
    /// Requests passed on whose response has not ended yet.
    private var passedOnInFlight = 0
    /// Whether the request being read was answered here (its remaining parts are dropped).
    private var answeringCurrent = false
    /// Whether answers were written since the last flush.
    private var needsFlush = false
    /// The `Date` value for ``dateSecond`` (formatted once a second per connection).
    private var date = ""
    private var dateSecond = Int.min

    init(fastPath: ServiceFastPath, serverName: String?) {
        self.fastPath = fastPath
        self.serverName = serverName
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if passedOnInFlight == 0, !Self.asksToClose(request), let answer = fastPath.answer(request)
            {
                answeringCurrent = true
                write(answer, context: context)
            } else {
                answeringCurrent = false
                passedOnInFlight += 1
                context.fireChannelRead(data)
            }
        case .body, .end:
            // An answered request announced no body, so only its end arrives; it is not passed on.
            if !answeringCurrent { context.fireChannelRead(data) }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // One flush for every answer of a read: a pipelining client gets them in one write.
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // Hummingbird also writes a response of its own (400) for a request that never parsed, so
        // the count never goes below zero.
        if case .end = unwrapOutboundIn(data), passedOnInFlight > 0 { passedOnInFlight -= 1 }
        context.write(data, promise: promise)
    }

    /// Whether `request`'s `Connection` field lists `close` (tokens are case-insensitive, RFC 9110 §7.6.1).
    static func asksToClose(_ request: HTTPRequest) -> Bool {
        guard let connection = request.headerFields[.connection] else { return false }
        return connection.split(separator: ",").contains {
            $0.trimmingCharacters(in: .whitespaces).lowercased() == "close"
        }
    }

    private func write(_ answer: FastAnswer, context: ChannelHandlerContext) {
        var headers = answer.headers
        // What Hummingbird's application adds to every response it writes.
        headers[.date] = currentDate()
        if let serverName { headers[.server] = serverName }
        context.write(wrapOutboundOut(.head(HTTPResponse(status: answer.status, headerFields: headers))), promise: nil)
        if let body = answer.body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
        context.write(wrapOutboundOut(.end(nil)), promise: nil)
        needsFlush = true
    }

    private func currentDate() -> String {
        let second = Int(Date().timeIntervalSince1970)
        if second != dateSecond {
            dateSecond = second
            date = HTTPDate.format(secondsSinceEpoch: second)
        }
        return date
    }
}
