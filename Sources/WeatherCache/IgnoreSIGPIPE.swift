#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes the process ignore `SIGPIPE`, once.
///
/// hiredis 0.14 writes with `write(2)`, not `send(…, MSG_NOSIGNAL)`: writing to a Redis that has
/// just closed the connection raises `SIGPIPE`, whose default action kills the whole process.
/// Ignored, the write fails with `EPIPE` instead and the store reports `cacheUnavailable`.
/// Servers built on SwiftNIO ignore `SIGPIPE` too, so this changes nothing else for the service.
enum IgnoreSIGPIPE {
    private static let installed: Void = {
        _ = signal(SIGPIPE, SIG_IGN)
    }()

    /// Installs `SIG_IGN` for `SIGPIPE` the first time it is called.
    static func once() {
        _ = installed
    }
}
