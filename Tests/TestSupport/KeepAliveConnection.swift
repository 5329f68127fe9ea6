import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One TCP connection to 127.0.0.1 kept open across requests: for what an HTTP client library
/// hides — pipelined requests written in one go, and when the server closes the connection.
public final class KeepAliveConnection {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// One parsed response: status, header fields (names lower-cased) and body.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: String
    }

    private let fd: Int32
    /// A write to a connection the server closed fails (EPIPE) instead of killing the test process.
    #if canImport(Glibc)
        private static let noSignal = Int32(MSG_NOSIGNAL)
    #else
        private static let noSignal: Int32 = 0
    #endif
    private var buffer: [UInt8] = []

    /// Connects to `port`; connecting, every read and every write give up after `timeout` seconds
    /// so a broken server fails the test instead of hanging it.
    ///
    /// `receiveBuffer` sets the socket's receive buffer (before connecting, so the kernel does not
    /// grow it): a client that never reads then holds little of what the server sends.
    public init(port: Int, timeout: Int = 10, receiveBuffer: Int32? = nil) throws {
        #if canImport(Glibc)
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(description: "connect() to port \(port) failed")
        }
    }

    deinit { close(fd) }

    /// Writes `text` as it is (UTF-8, so `ü` goes out as two raw bytes).
    public func transmit(_ text: String) throws { try transmit(bytes: Array(text.utf8)) }

    /// Writes `bytes` as they are: for what no `String` holds, such as invalid UTF-8.
    public func transmit(bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Self.noSignal) }
            guard n > 0 else { throw Failure(description: "send() failed") }
            sent += n
        }
    }

    /// Writes `text` up to `times` times, in batches, until the kernel takes nothing more for
    /// `stallSeconds` (the server stopped reading and every buffer between is full); returns how
    /// many copies were sent whole.
    public func transmit(_ text: String, times: Int, stallSeconds: Int) -> Int {
        var limit = timeval(tv_sec: stallSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let one = Array(text.utf8)
        let perBatch = 512
        let batch = Array([[UInt8]](repeating: one, count: perBatch).joined())
        var sentBytes = 0
        sending: while sentBytes < one.count * times {
            let wanted = min(batch.count, one.count * times - sentBytes)
            var offset = 0
            while offset < wanted {
                let n = batch[offset..<wanted].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Self.noSignal) }
                guard n > 0 else { break sending }
                offset += n
                sentBytes += n
            }
        }
        return sentBytes / one.count
    }

    /// The next `count` responses (each framed by `Content-Length`), in the order they arrived.
    public func responses(_ count: Int) throws -> [Response] {
        var result: [Response] = []
        while result.count < count {
            if let response = takeResponse() {
                result.append(response)
            } else if try !fill() {
                throw Failure(description: "the server closed the connection after \(result.count) of \(count) responses")
            }
        }
        return result
    }

    /// Whether the server has closed the connection (a read returns end of stream), waiting at
    /// most the read timeout for it; bytes still arriving before the end (a body without a
    /// length) are read and dropped.
    public func closedByServer() -> Bool {
        for _ in 0..<1_000 {
            guard let more = try? fill() else { return false }
            if !more { return true }
        }
        return false
    }

    /// Every byte the server sends until it closes the connection (or a read times out), as it came.
    public func bytesUntilClosed() -> [UInt8] {
        while (try? fill()) == true {}
        defer { buffer.removeAll() }
        return buffer
    }

    /// The responses in `bytes` (each framed by `Content-Length`), in order; a truncated last
    /// body is cut where the bytes end.
    public static func responses(in bytes: [UInt8]) -> [Response] {
        var rest = bytes[...]
        var result: [Response] = []
        while let (response, used) = parse(rest, truncating: true) {
            result.append(response)
            rest = rest.dropFirst(used)
        }
        return result
    }

    /// Reads once into the buffer; `false` at end of stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n == 0 { return false }
        guard n > 0 else { throw Failure(description: "recv() failed or timed out (errno \(errno))") }
        buffer += chunk[..<n]
        return true
    }

    private func takeResponse() -> Response? {
        guard let (response, used) = Self.parse(buffer[...], truncating: false) else { return nil }
        buffer.removeFirst(used)
        return response
    }

    /// The first response in `bytes` and how many bytes it took; `nil` when its head (or, unless
    /// `truncating`, its body) has not all arrived.
    private static func parse(_ bytes: ArraySlice<UInt8>, truncating: Bool) -> (Response, Int)? {
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return nil }
        let lines = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        var bodyEnd = end.upperBound + length
        if bodyEnd > bytes.endIndex {
            guard truncating else { return nil }
            bodyEnd = bytes.endIndex
        }
        let body = String(decoding: bytes[end.upperBound..<bodyEnd], as: UTF8.self)
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (Response(status: status, headers: headers, body: body), bodyEnd - bytes.startIndex)
    }
}
