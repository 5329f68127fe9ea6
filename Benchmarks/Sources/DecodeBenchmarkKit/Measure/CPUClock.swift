#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Time read from the OS, in nanoseconds.
package enum CPUClock {
    /// CPU time of the calling thread: a sample is not stretched when another process takes the core,
    /// which matters on a 2-core machine shared with builds.
    package static func threadNanoseconds() -> UInt64 {
        read(CLOCK_THREAD_CPUTIME_ID)
    }

    /// Wall-clock time, for the time budget.
    package static func monotonicNanoseconds() -> UInt64 {
        read(CLOCK_MONOTONIC)
    }

    private static func read(_ clock: clockid_t) -> UInt64 {
        var now = timespec()
        clock_gettime(clock, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
