#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to the standard streams with `write(2)`: unbuffered, so stderr lines keep their order,
/// and a closed pipe (`| head`) is not a crash — `FileHandle.write` traps on `EPIPE`, which a
/// process sees once `SIGPIPE` is ignored (as `RedisCacheStore` does).
enum Console {
    /// Writes `text` and a newline to stdout.
    static func out(_ text: String) {
        write(text + "\n", to: STDOUT_FILENO)
    }

    /// Writes one line to stderr; newlines inside `text` become spaces, so it stays one line.
    static func err(_ text: String) {
        let line = text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : String($0) }.joined()
        write(line + "\n", to: STDERR_FILENO)
    }

    /// Writes `text` as it is, line breaks kept (a usage message), and a newline to stderr.
    static func errText(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        var attempts = 0
        while offset < bytes.count, attempts < 10_000 {
            attempts += 1
            let written = bytes[offset...].withUnsafeBytes { buffer in
                #if canImport(Glibc)
                    Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                    Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return  // EPIPE or another error: the reader is gone; nothing useful to do
            }
        }
    }
}
