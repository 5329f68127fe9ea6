import WeatherServerCore
import WeatherPages

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's open-files limit, and the connection cap derived from it.
///
/// Every client connection holds a descriptor. When descriptors run out, more fails than the next
/// accept: libdispatch's worker monitor cannot open `/proc/<tid>/stat` and aborts the process on
/// purpose (SIGILL). So `serve` raises its soft limit to the hard one at start
/// (``raiseFileLimit(ceiling:)``) and caps connections below it (``ConnectionCap``), keeping
/// descriptors for everything else the process opens.
public enum ConnectionLimit {
    /// Descriptors kept for what is not a client connection, whatever the limit: Redis's pool,
    /// curl's handles and its resolver, the event loops' epoll and event descriptors, the listening
    /// socket, log files and the runtime's reads of `/proc`.
    public static let fixedHeadroom = 128

    /// The default `MAX_CONNECTIONS` for an open-files limit of `limit`: the limit less
    /// ``fixedHeadroom`` and a 16th (for what grows with load), and never below 16.
    /// 1,024 (systemd's default soft limit) gives 832; 65,536 gives 61,312.
    public static func derived(fromFileLimit limit: Int) -> Int {
        max(16, limit - fixedHeadroom - limit / 16)
    }

    /// The connection cap to run with: `configured` when set, lowered to what the limit leaves
    /// room for; otherwise ``derived(fromFileLimit:)``.
    public static func effective(configured: Int?, fileLimit: Int) -> Int {
        let bound = derived(fromFileLimit: fileLimit)
        return min(configured ?? bound, bound)
    }

    /// Raises the soft open-files limit to the hard limit (at most `ceiling`, since the hard
    /// limit may be unlimited and the kernel refuses more than `fs.nr_open`) and returns the soft
    /// limit now in force. Leaves the limit as it is when it cannot be raised.
    @discardableResult
    public static func raiseFileLimit(ceiling: Int = 1 << 20) -> Int {
        var limits = rlimit()
        guard getrlimit(resource, &limits) == 0 else { return 1024 }
        let wanted = min(limits.rlim_max, rlim_t(ceiling))
        if limits.rlim_cur < wanted {
            var raised = limits
            raised.rlim_cur = wanted
            if setrlimit(resource, &raised) == 0 { limits = raised }
        }
        return Int(clamping: limits.rlim_cur)
    }

    #if canImport(Glibc)
        private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
        private static let resource = RLIMIT_NOFILE
    #endif
}
