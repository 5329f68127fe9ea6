import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes
import WeatherServerCore
import WeatherPages

/// Answers fast-path requests (`ServiceFastPath`) on the event loop, before they enter
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
/// A request saying `Connection: close` is passed on as well (`RequestHeadRulesHandler` gives
/// every request that closes the connection exactly that field). (`Connection: keep-alive`, which
/// browsers and most clients send, is HTTP/1.1's default and answered here.)
///
/// It also closes connections for both paths, since it sees every request and response:
/// - after the response to a request that asked to close, and nothing after that request is read
///   (RFC 9112 §9.3, §9.6);
/// - after a response written before its request's body was read in full (a 400 or 405 to a
///   request announcing a body, which no route reads): the client could otherwise drip the body
///   a byte at a time, each byte resetting the idle timeout, and hold the connection forever.
///
/// Either response carries `Connection: close`.
///
/// Backpressure: while the channel is not writable (the client does not read its answers and
/// more than the write buffer's high watermark waits) no read is passed towards the socket;
/// reading resumes when the channel is writable again. Requests already decoded from the last
/// read are still answered here (handing them to Hummingbird instead would cost a pipelining
/// client that does read several times the CPU per request), so a client that pipelines and
/// never reads holds at most one read's worth of answers in memory.
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
    /// Request heads and ends read, and response heads written (here or passed through): the
    /// response with index `responsesStarted` answers the request with that index, whose body has
    /// been read in full when `requestEnds` is past it.
    private var requestHeads = 0
    private var requestEnds = 0
    private var responsesStarted = 0
    /// The index of the request that asked to close the connection; `Int.max` while none has.
    private var closingRequest = Int.max
    /// Whether the request being read comes after the one that closes, and is dropped.
    private var droppingCurrent = false
    /// Whether the connection is closed once the response being written has ended.
    private var closeAfterResponse = false
    /// Whether the channel is writable, and whether a read was held back while it was not.
    private var isWritable = true
    private var readHeldBack = false
    /// The `Date` value for ``dateSecond`` (formatted once a second per connection).
    private var date = ""
    private var dateSecond = Int.min

    init(fastPath: ServiceFastPath, serverName: String?) {
        self.fastPath = fastPath
        self.serverName = serverName
    }

    func handlerAdded(context: ChannelHandlerContext) {
        isWritable = context.channel.isWritable
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(var request):
            // Nothing after a request that closes the connection is answered (RFC 9112 §9.6).
            droppingCurrent = closingRequest != .max
            guard !droppingCurrent else { return }
            let asksToClose = Self.asksToClose(request)
            if asksToClose { closingRequest = requestHeads }
            requestHeads += 1
            let consulted = passedOnInFlight == 0 && !asksToClose
            if consulted, let answer = fastPath.answer(request) {
                answeringCurrent = true
                write(answer, context: context)
            } else {
                answeringCurrent = false
                passedOnInFlight += 1
                // Asked once per request: the responder behind asks only about what was not asked here.
                request.headerFields[.fastPathDeclined] = consulted ? "1" : nil
                context.fireChannelRead(wrapInboundOut(.head(request)))
            }
        case .body:
            // An answered request announced no body, so only its end arrives; it is not passed on.
            if !answeringCurrent, !droppingCurrent { context.fireChannelRead(data) }
        case .end:
            guard !droppingCurrent else { return }
            requestEnds += 1
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
        switch unwrapOutboundIn(data) {
        case .head(var response):
            let answered = responsesStarted
            responsesStarted += 1
            // Hummingbird's own 400 for a request that never parsed has no head here: it is past
            // every request read, so it closes too (and already says so).
            guard answered >= closingRequest || requestEnds <= answered else { break }
            closeAfterResponse = true
            if response.headerFields[.connection] != "close" {
                response.headerFields[.connection] = "close"
                context.write(wrapOutboundOut(.head(response)), promise: promise)
                return
            }
        case .body:
            break
        case .end:
            // Hummingbird also writes a response of its own (400) for a request that never parsed,
            // so the count never goes below zero.
            if passedOnInFlight > 0 { passedOnInFlight -= 1 }
            if closeAfterResponse {
                // As Hummingbird's connection handler closes: the end flushed, then the channel.
                context.writeAndFlush(data, promise: promise)
                context.close(promise: nil)
                return
            }
        }
        context.write(data, promise: promise)
    }

    func read(context: ChannelHandlerContext) {
        if isWritable {
            context.read()
        } else {
            readHeldBack = true
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        isWritable = context.channel.isWritable
        if isWritable, readHeldBack {
            readHeldBack = false
            context.read()
        }
        context.fireChannelWritabilityChanged()
    }

    /// Whether `request` closes the connection: `RequestHeadRulesHandler` has already given every
    /// such request (any-case `close` token, HTTP/1.0 without `keep-alive`, `CONNECT`) exactly
    /// `Connection: close`, so one comparison does, with no copy of the field.
    static func asksToClose(_ request: HTTPRequest) -> Bool {
        request.headerFields[.connection] == "close"
    }

    private func write(_ answer: FastAnswer, context: ChannelHandlerContext) {
        var headers = answer.headers
        // What Hummingbird's application adds to every response it writes.
        headers[.date] = currentDate()
        if let serverName { headers[.server] = serverName }
        context.write(wrapOutboundOut(.head(HTTPResponse(status: answer.status, headerFields: headers))), promise: nil)
        if let body = answer.body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
        context.write(wrapOutboundOut(.end(nil)), promise: nil)
        responsesStarted += 1
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
