import CHiredis

/// One RESP2 reply, copied out of hiredis's `redisReply` so that it can cross threads.
enum RedisReply: Sendable, Equatable {
    /// `+OK` and other status lines.
    case status(String)
    /// `-ERR …`: Redis refused the command.
    case error(String)
    /// `:42`.
    case integer(Int64)
    /// A bulk string: any bytes, NUL and CR/LF included.
    case bulk([UInt8])
    /// The nil bulk string or nil array (`$-1`, `*-1`): a missing key, a `SET NX` that lost.
    case null
    /// `*N` followed by N replies.
    case array([RedisReply])

    /// Copies a hiredis reply; the caller still owns and frees `reply`.
    init(copying reply: UnsafePointer<redisReply>) {
        let r = reply.pointee
        switch r.type {
        case REDIS_REPLY_STRING:
            self = .bulk(Self.bytes(r.str, r.len))
        case REDIS_REPLY_STATUS:
            self = .status(String(decoding: Self.bytes(r.str, r.len), as: UTF8.self))
        case REDIS_REPLY_ERROR:
            self = .error(String(decoding: Self.bytes(r.str, r.len), as: UTF8.self))
        case REDIS_REPLY_INTEGER:
            self = .integer(Int64(r.integer))
        case REDIS_REPLY_ARRAY:
            var elements: [RedisReply] = []
            elements.reserveCapacity(Int(r.elements))
            for index in 0..<Int(r.elements) {
                if let element = r.element[index] {
                    elements.append(RedisReply(copying: element))
                } else {
                    elements.append(.null)
                }
            }
            self = .array(elements)
        default:
            self = .null
        }
    }

    private static func bytes(_ pointer: UnsafeMutablePointer<CChar>?, _ count: Int) -> [UInt8] {
        guard let pointer, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
