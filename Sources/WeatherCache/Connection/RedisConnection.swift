import CHiredis
import CRedisTLS
import WeatherCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a connection failed: a message for ``WeatherError/underlying``.
struct RedisConnectionFailure: Error, Sendable {
    /// What happened, e.g. `Connection refused` or `Resource temporarily unavailable (timed out)`.
    var message: String
}

/// One blocking hiredis connection. The only owner of the `redisContext` pointer.
///
/// Not thread-safe and not `Sendable`: exactly one ``RedisWorker`` thread creates it, uses it and
/// frees it. Every call here may block, which is why none of them ever runs on Swift's
/// cooperative pool.
final class RedisConnection {
    private let endpoint: RedisCacheStore.Configuration
    private var context: UnsafeMutablePointer<redisContext>?
    private var currentTimeoutMilliseconds: Int64 = -1
    private let resolution: BoundedHostResolution

    /// A closed connection to `endpoint`; call ``connect()``.
    init(endpoint: RedisCacheStore.Configuration) {
        self.endpoint = endpoint
        self.resolution = BoundedHostResolution(resolver: endpoint.resolver)
    }

    deinit { close() }

    /// Whether a context is open (it may still turn out dead at the next command).
    var isOpen: Bool { context != nil }

    /// Opens a fresh context (never `redisReconnect`, which in 0.14 forgets the timeouts), sets
    /// the command timeout, then sends AUTH and SELECT in one pipelined round trip.
    ///
    /// The host name is resolved first, within the connect timeout (hiredis' own timeout does not
    /// cover name resolution); the TCP connect gets what is left of it.
    func connect() throws(RedisConnectionFailure) {
        close()
        let started = ContinuousClock.now
        let address = try resolution.resolve(endpoint.host, within: endpoint.connectTimeout)
        let left = endpoint.connectTimeout - started.duration(to: .now)
        let connectMilliseconds = max(1, left.roundedUpMilliseconds)
        let opened: UnsafeMutablePointer<redisContext>?
        if let tls = endpoint.tls {
            let descriptor = try Self.connectTLS(
                tls, address: address, endpoint: endpoint, milliseconds: connectMilliseconds)
            opened = redisConnectFd(descriptor)
            // Without a context nobody owns the descriptor: closing it ends the TLS pump.
            if opened == nil { Self.closeDescriptor(descriptor) }
        } else {
            opened = weather_redis_connect(address, Int32(endpoint.port), connectMilliseconds)
        }
        guard let context = opened else {
            throw RedisConnectionFailure(message: "hiredis could not allocate a context")
        }
        self.context = context
        if weather_redis_error(context) != 0 {
            let failure = RedisConnectionFailure(message: Self.message(of: context))
            close()
            throw failure
        }
        currentTimeoutMilliseconds = -1
        try setTimeout(milliseconds: endpoint.commandTimeout.roundedUpMilliseconds)

        var handshake: [RedisCommand] = []
        if let password = endpoint.password {
            if let username = endpoint.username, !username.isEmpty {
                handshake.append(RedisCommand("AUTH", Array(utf8: username), Array(utf8: password)))
            } else {
                handshake.append(RedisCommand("AUTH", Array(utf8: password)))
            }
        }
        if endpoint.database != 0 {
            handshake.append(RedisCommand("SELECT", Array(utf8: String(endpoint.database))))
        }
        guard !handshake.isEmpty else { return }
        let replies = try execute(handshake)
        for (command, reply) in zip(handshake, replies) {
            if case .error(let message) = reply {
                close()
                // A wrong password is the operator's to fix: say so, not just "unavailable". The
                // reply (WRONGPASS, NOAUTH, "ERR invalid password") never echoes the password.
                let what = command.arguments.first == Array("AUTH".utf8) ? "authentication failed: Redis refused the credentials" : "handshake refused"
                throw RedisConnectionFailure(message: "\(what): \(message)")
            }
        }
    }

    /// Connects TCP and completes the TLS handshake within `milliseconds`; the descriptor to give
    /// hiredis (one end of a socket pair relayed through the TLS connection).
    ///
    /// - Throws: a failure whose message starts with `TLS:` when the TLS layer refused (a
    ///   certificate that does not verify, a file that does not load, a plain-text port).
    private static func connectTLS(
        _ tls: RedisCacheStore.Configuration.TLS, address: String, endpoint: RedisCacheStore.Configuration,
        milliseconds: Int64
    ) throws(RedisConnectionFailure) -> Int32 {
        var buffer = [CChar](repeating: 0, count: 512)
        let descriptor = buffer.withUnsafeMutableBufferPointer { error in
            weather_redis_tls_connect(
                address, Int32(endpoint.port), endpoint.host, tls.caFile, tls.certificateFile, tls.keyFile,
                milliseconds, error.baseAddress, error.count)
        }
        guard descriptor >= 0 else {
            let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw RedisConnectionFailure(message: message.isEmpty ? "TLS: the connection failed" : message)
        }
        return descriptor
    }

    private static func closeDescriptor(_ descriptor: Int32) {
        #if canImport(Glibc)
            _ = Glibc.close(descriptor)
        #elseif canImport(Darwin)
            _ = Darwin.close(descriptor)
        #endif
    }

    /// Sets the socket read/write timeout (a no-op when it is already `milliseconds`).
    func setTimeout(milliseconds: Int64) throws(RedisConnectionFailure) {
        guard let context else { throw RedisConnectionFailure(message: "not connected") }
        let milliseconds = max(1, milliseconds)
        guard milliseconds != currentTimeoutMilliseconds else { return }
        if weather_redis_set_timeout(context, milliseconds) != REDIS_OK {
            let failure = RedisConnectionFailure(message: Self.message(of: context))
            close()
            throw failure
        }
        currentTimeoutMilliseconds = milliseconds
    }

    /// Sends every command, then reads every reply: one round trip for the whole batch.
    ///
    /// Any I/O or protocol error closes the connection (a late reply would otherwise be read as
    /// the answer to the next command) and throws.
    func execute(_ commands: [RedisCommand]) throws(RedisConnectionFailure) -> [RedisReply] {
        guard let context else { throw RedisConnectionFailure(message: "not connected") }
        for command in commands {
            guard Self.append(command, to: context) else {
                let failure = RedisConnectionFailure(message: Self.message(of: context))
                close()
                throw failure
            }
        }
        var replies: [RedisReply] = []
        replies.reserveCapacity(commands.count)
        for _ in commands {
            guard let reply = weather_redis_get_reply(context) else {
                let failure = RedisConnectionFailure(message: Self.message(of: context))
                close()
                throw failure
            }
            replies.append(RedisReply(copying: reply))
            freeReplyObject(reply)
        }
        return replies
    }

    /// Frees the context, if any.
    func close() {
        if let context {
            redisFree(context)
            self.context = nil
        }
    }

    /// Formats `command` into the context's output buffer with `redisAppendCommandArgv`.
    private static func append(_ command: RedisCommand, to context: UnsafeMutablePointer<redisContext>) -> Bool {
        let arguments = command.arguments
        let total = arguments.reduce(0) { $0 + $1.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(total, 1)) { bytes in
            withUnsafeTemporaryAllocation(of: UnsafePointer<CChar>?.self, capacity: arguments.count) { pointers in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: arguments.count) { lengths in
                    let base = UnsafeMutableRawPointer(bytes.baseAddress!)
                    var offset = 0
                    for (index, argument) in arguments.enumerated() {
                        argument.withUnsafeBytes { source in
                            if let address = source.baseAddress, source.count > 0 {
                                (base + offset).copyMemory(from: address, byteCount: source.count)
                            }
                        }
                        pointers[index] = UnsafePointer((base + offset).assumingMemoryBound(to: CChar.self))
                        lengths[index] = argument.count
                        offset += argument.count
                    }
                    return redisAppendCommandArgv(
                        context, Int32(arguments.count), pointers.baseAddress, lengths.baseAddress
                    ) == REDIS_OK
                }
            }
        }
    }

    private static func message(of context: UnsafeMutablePointer<redisContext>) -> String {
        let message = String(cString: weather_redis_errstr(context))
        if weather_redis_error(context) == REDIS_ERR_IO, message.contains("temporarily unavailable") {
            return "\(message) (timed out)"
        }
        return message.isEmpty ? "hiredis error \(weather_redis_error(context))" : message
    }
}
