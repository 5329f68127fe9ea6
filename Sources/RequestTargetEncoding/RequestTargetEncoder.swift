public import NIOCore

/// Percent-encodes raw non-ASCII bytes in each request line before NIO's HTTP parser sees them.
///
/// Browsers and curl send `GET /path?city=Zürich` with the `ü` as raw UTF-8, and OpenWeather
/// accepts it; NIO's parser (llhttp, strict) refuses the request with a 400, an empty body and
/// `Connection: close`, before any handler after it could log or count it. So this handler turns
/// every byte ≥ 0x80 of a request line into `%XX` (upper-case hex, as curl and browsers encode):
/// the request then means what its percent-encoded form means, and a query parser that decodes
/// percent-encoded UTF-8 sees the same text. Invalid UTF-8 (a lone `0xFF`) becomes `%FF`, which
/// that parser refuses in its own words.
///
/// Headers and bodies pass untouched: the handler follows each message's framing
/// (`Content-Length`; after a chunked body it stops rewriting that connection) to find where the
/// next request line starts. A buffer holding no byte ≥ 0x80 in a request line is passed on as it
/// came — no copy, no allocation — so ASCII traffic pays only for one scan of its bytes.
///
/// Add one per connection, in front of the HTTP decoder:
///
/// ```swift
/// try channel.pipeline.syncOperations.addHandler(RequestTargetEncoder(), position: .first)
/// ```
///
/// Runs on its channel's event loop only (a channel handler; not `Sendable`).
public final class RequestTargetEncoder: ChannelInboundHandler, RemovableChannelHandler {
    /// The connection's bytes as they arrive.
    public typealias InboundIn = ByteBuffer
    /// The same bytes, with request lines' raw non-ASCII bytes percent-encoded.
    public typealias InboundOut = ByteBuffer

    private var framing = Framing()

    /// A handler for one new connection (it keeps that connection's framing state).
    public init() {}

    /// Passes `data` on, rewritten only when one of its request lines holds a byte ≥ 0x80.
    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .passthrough = framing.phase { return context.fireChannelRead(data) }
        let buffer = unwrapInboundIn(data)
        // Scanned in place: the common ASCII-only read allocates nothing.
        guard let rewritten = buffer.withUnsafeReadableBytes({ framing.scan($0) }) else {
            return context.fireChannelRead(data)
        }
        context.fireChannelRead(wrapInboundOut(context.channel.allocator.buffer(bytes: rewritten)))
    }
}

/// Where a connection's bytes are: request line, header block or body. A value type, so that the
/// per-byte loop works on one `inout` value rather than on the handler's stored properties (each
/// access to those is an exclusivity check).
private struct Framing {
    enum Phase {
        /// Before or in a request line; `started` once its first byte (not a blank line) arrived.
        case requestLine(started: Bool)
        case headers
        case body(remaining: Int)
        /// A framing this handler does not follow (chunked): bytes pass as they are from here on.
        case passthrough
    }

    var phase = Phase.requestLine(started: false)
    private var line: [UInt8] = []
    private var contentLength = 0
    private var chunked = false
    private static let maxHeaderLine = 8192

    /// Advances the framing over `bytes`; the rewritten bytes when some needed encoding, else `nil`.
    mutating func scan(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        var rewritten: [UInt8]?  // built only once a byte needs encoding
        var index = 0
        while index < bytes.count {
            if case .body(let remaining) = phase {
                let take = min(remaining, bytes.count - index)
                rewritten?.append(contentsOf: bytes[index..<(index + take)])
                index += take
                phase = take == remaining ? .requestLine(started: false) : .body(remaining: remaining - take)
                continue
            }
            if case .headers = phase {
                // A header line at a time, copied in one go: headers are most of a request's bytes.
                var end = index
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let kept = min(end, index + max(Self.maxHeaderLine - line.count, 0))
                line.append(contentsOf: bytes[index..<kept])
                guard end < bytes.count else {  // the line goes on in the next read
                    rewritten?.append(contentsOf: bytes[index...])
                    break
                }
                rewritten?.append(contentsOf: bytes[index...end])
                index = end
            }
            let byte = bytes[index]
            if case .requestLine = phase, byte >= 0x80 {
                if rewritten == nil { rewritten = Array(bytes[..<index]) }
                rewritten?.append(contentsOf: Self.percentEncoded(byte))
            } else if case .requestLine = phase {
                rewritten?.append(byte)
            }
            advance(over: byte)
            if case .passthrough = phase {
                rewritten?.append(contentsOf: bytes[(index + 1)...])
                break
            }
            index += 1
        }
        return rewritten
    }

    /// Moves the framing state machine over one byte of a request line or the header block.
    private mutating func advance(over byte: UInt8) {
        switch phase {
        case .requestLine(let started):
            if byte == UInt8(ascii: "\n") {
                if started {
                    phase = .headers
                    line.removeAll(keepingCapacity: true)
                    contentLength = 0
                    chunked = false
                }
            } else if byte != UInt8(ascii: "\r") {
                phase = .requestLine(started: true)
            }
        case .headers:
            // `scan` has put the line's bytes into `line` already and stops here at its end.
            guard byte == UInt8(ascii: "\n") else { return }
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if line.isEmpty {
                if chunked {
                    phase = .passthrough
                } else if contentLength > 0 {
                    phase = .body(remaining: contentLength)
                } else {
                    phase = .requestLine(started: false)
                }
            } else {
                readFraming(line)
            }
            line.removeAll(keepingCapacity: true)
        case .body, .passthrough:
            break
        }
    }

    /// Notes `Content-Length` and a chunked `Transfer-Encoding` from one header line.
    ///
    /// Byte by byte, with no `String`: this runs for every header line of every request.
    private mutating func readFraming(_ header: [UInt8]) {
        guard let colon = header.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = header[..<colon]
        if Self.equalsIgnoringASCIICase(name, Self.contentLength) {
            var value = 0
            for byte in header[(colon + 1)...] where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), value < Int.max / 10 - 9 else {
                    value = 0  // not a number: NIO's parser refuses the request; frame nothing
                    break
                }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            contentLength = value
        } else if Self.equalsIgnoringASCIICase(name, Self.transferEncoding) {
            let value = header[(colon + 1)...].map { $0 | 0x20 }  // ASCII lower case; other bytes never match
            if value.firstRange(of: Self.chunked) != nil { chunked = true }
        }
    }

    private static let contentLength = Array("content-length".utf8)
    private static let transferEncoding = Array("transfer-encoding".utf8)
    private static let chunked = Array("chunked".utf8)

    /// Whether `bytes` spell `lowercase` (lower-case ASCII letters and `-`) in any case.
    private static func equalsIgnoringASCIICase(_ bytes: ArraySlice<UInt8>, _ lowercase: [UInt8]) -> Bool {
        bytes.count == lowercase.count && zip(bytes, lowercase).allSatisfy { $0 | 0x20 == $1 }
    }

    private static func percentEncoded(_ byte: UInt8) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        return [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
    }
}
