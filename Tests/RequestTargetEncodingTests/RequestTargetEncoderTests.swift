import NIOCore
import NIOEmbedded
import RequestTargetEncoding
import XCTest

/// `RequestTargetEncoder` on an embedded channel: what it rewrites, what it leaves alone, and that
/// an ASCII read is passed on as the very buffer that came in (the service's fast path pays no copy).
final class RequestTargetEncoderTests: XCTestCase {
    /// Feeds `reads` one by one to a fresh encoder; returns every buffer it passed on.
    private func pass(_ reads: [[UInt8]], file: StaticString = #filePath, line: UInt = #line) throws -> [ByteBuffer] {
        let channel = EmbeddedChannel(handler: RequestTargetEncoder())
        var out: [ByteBuffer] = []
        for read in reads {
            try channel.writeInbound(ByteBuffer(bytes: read))
            while let buffer = try channel.readInbound(as: ByteBuffer.self) { out.append(buffer) }
        }
        XCTAssertTrue(try channel.finish().isClean, file: file, line: line)
        return out
    }

    /// The buffers' bytes, joined before decoding (a one-byte read may hold half a character).
    private func text(_ buffers: [ByteBuffer]) -> String {
        String(decoding: buffers.flatMap { Array($0.readableBytesView) }, as: UTF8.self)
    }

    func testAnASCIIReadIsPassedOnAsTheSameBuffer() throws {
        let channel = EmbeddedChannel(handler: RequestTargetEncoder())
        let request = ByteBuffer(string: "GET /v1/weather/current?city=Z%C3%BCrich HTTP/1.1\r\nHost: x\r\n\r\n")
        try channel.writeInbound(request)
        let passed = try XCTUnwrap(try channel.readInbound(as: ByteBuffer.self))
        XCTAssertEqual(passed, request)
        let sameStorage = passed.withUnsafeReadableBytes { out in
            request.withUnsafeReadableBytes { original in out.baseAddress == original.baseAddress }
        }
        XCTAssertTrue(sameStorage, "no copy when there is nothing to encode")
        XCTAssertTrue(try channel.finish().isClean)
    }

    func testRawBytesInRequestLinesArePercentEncodedAndNothingElseIs() throws {
        let body = "{\"path\":\"/wéather\"}"
        let input =
            "GET /v1/weather/current?city=Zürich HTTP/1.1\r\nHost: x\r\nX-Name: Zoë\r\n\r\n"
            + "POST /__stub/faults HTTP/1.1\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
            + "GET /geo?q=São HTTP/1.1\r\n\r\n"
        let expected =
            "GET /v1/weather/current?city=Z%C3%BCrich HTTP/1.1\r\nHost: x\r\nX-Name: Zoë\r\n\r\n"
            + "POST /__stub/faults HTTP/1.1\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
            + "GET /geo?q=S%C3%A3o HTTP/1.1\r\n\r\n"
        XCTAssertEqual(text(try pass([Array(input.utf8)])), expected)
        // The same bytes one at a time: the framing carries across reads.
        XCTAssertEqual(text(try pass(Array(input.utf8).map { [$0] })), expected)
    }

    func testInvalidUTF8IsEncodedAsItIs() throws {
        let input = Array("GET /x?city=Z".utf8) + [0xFF, 0xFE] + Array(" HTTP/1.1\r\n\r\n".utf8)
        XCTAssertEqual(text(try pass([input])), "GET /x?city=Z%FF%FE HTTP/1.1\r\n\r\n")
    }

    func testFramingHeaderNamesMatchInAnyCase() throws {
        let body = "é=1"
        let input =
            "POST /x HTTP/1.1\r\ncontent-LENGTH:  \(body.utf8.count) \r\n\r\n\(body)GET /y?q=é HTTP/1.1\r\n\r\n"
        let expected =
            "POST /x HTTP/1.1\r\ncontent-LENGTH:  \(body.utf8.count) \r\n\r\n\(body)GET /y?q=%C3%A9 HTTP/1.1\r\n\r\n"
        XCTAssertEqual(text(try pass([Array(input.utf8)])), expected)
        XCTAssertEqual(text(try pass(Array(input.utf8).map { [$0] })), expected)
        let chunked =
            "POST /x HTTP/1.1\r\nTRANSFER-Encoding: gzip, Chunked\r\n\r\n0\r\n\r\nGET /y?q=é HTTP/1.1\r\n\r\n"
        XCTAssertEqual(text(try pass([Array(chunked.utf8)])), chunked)
    }

    func testAfterAChunkedBodyEverythingPassesUntouched() throws {
        let input =
            "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nü!\r\n0\r\n\r\n"
            + "GET /y?q=ü HTTP/1.1\r\n\r\n"
        XCTAssertEqual(text(try pass([Array(input.utf8)])), input, "a framing it does not follow: left alone")
    }
}
