import Synchronization

/// A Lua script run with `EVALSHA`, falling back to `EVAL` when Redis does not know it (first
/// use, a restarted or flushed Redis): the script text crosses the network once per Redis life.
///
/// The SHA-1 is learnt from Redis itself (`SCRIPT LOAD`, pipelined with the first `EVAL`), so no
/// SHA-1 implementation is needed here.
final class RedisScript: Sendable {
    /// The Lua source.
    let source: String
    private let sha = Mutex<[UInt8]?>(nil)

    init(_ source: String) {
        self.source = source
    }

    /// Runs the script with `keys` and `arguments` on `pool`; returns its reply (an error reply included).
    func run(on pool: RedisConnectionPool, keys: [[UInt8]], arguments: [[UInt8]]) async throws -> RedisReply {
        let tail = [Array(utf8: String(keys.count))] + keys + arguments
        if let sha = sha.withLock({ $0 }) {
            let reply = try await pool.execute(RedisCommand(arguments: [Array(utf8: "EVALSHA"), sha] + tail))
            guard case .error(let message) = reply, message.hasPrefix("NOSCRIPT") else { return reply }
        }
        let replies = try await pool.execute([
            RedisCommand("SCRIPT", Array(utf8: "LOAD"), Array(utf8: source)),
            RedisCommand(arguments: [Array(utf8: "EVAL"), Array(utf8: source)] + tail),
        ])
        if case .bulk(let learnt) = replies[0] { sha.withLock { $0 = learnt } }
        return replies[1]
    }
}
