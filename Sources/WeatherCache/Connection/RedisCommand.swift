/// One Redis command as its argument vector: sent with `redisAppendCommandArgv`, so every
/// argument is binary-safe (NUL, CR and LF are just bytes).
struct RedisCommand: Sendable {
    /// The arguments, the command name first.
    var arguments: [[UInt8]]

    /// A command from its name and arguments.
    init(_ name: String, _ arguments: [UInt8]...) {
        self.arguments = [Array(name.utf8)] + arguments
    }

    /// A command from its full argument vector.
    init(arguments: [[UInt8]]) {
        self.arguments = arguments
    }
}

extension Array where Element == UInt8 {
    /// The UTF-8 bytes of `string`.
    init(utf8 string: String) {
        self = Array(string.utf8)
    }
}
