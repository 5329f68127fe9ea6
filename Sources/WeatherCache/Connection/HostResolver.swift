import Foundation
import Synchronization
import WeatherCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a host name into a numeric address (`getaddrinfo` by default).
///
/// Injectable so that tests can play a DNS server that stalls; every resolver compares equal,
/// so it does not change what a ``RedisCacheStore/Configuration`` equals.
struct HostResolver: Sendable, Equatable {
    /// Blocks until `host` resolves; the numeric address, or `nil` when it does not resolve.
    let lookup: @Sendable (String) -> String?

    static func == (lhs: HostResolver, rhs: HostResolver) -> Bool { true }

    /// The system resolver: the first IPv4 address `getaddrinfo` gives, else the first IPv6 one
    /// (hiredis' own order), printed numerically.
    static let system = HostResolver { host in
        for family in [AF_INET, AF_INET6] {
            if let address = firstAddress(of: host, family: family) { return address }
        }
        return nil
    }

    private static func firstAddress(of host: String, family: Int32) -> String? {
        var hints = addrinfo()
        hints.ai_family = family
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(list) }
        var name = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard
            getnameinfo(
                first.pointee.ai_addr, first.pointee.ai_addrlen, &name, socklen_t(name.count), nil, 0,
                NI_NUMERICHOST) == 0
        else { return nil }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `host` is already a numeric IPv4 or IPv6 address (nothing to resolve).
    static func isNumeric(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}

/// Name resolution with a bound, for one connection: hiredis 0.14's connect timeout does not
/// cover `getaddrinfo`, so a stalled DNS server would hold the first connect — and every job
/// queued behind it — far past ``RedisCacheStore/Configuration/connectTimeout``.
///
/// The lookup runs on a helper thread; the connecting thread waits for it at most the bound. A
/// lookup that overruns is not abandoned: the next connect waits on the same one (never more
/// than one lookup per connection at a time), and its answer is kept, so a later stall falls
/// back to the last address that resolved.
final class BoundedHostResolution: Sendable {
    private struct Lookup: Sendable {
        var host: String
        var done = false
        var address: String?
    }

    private struct State: Sendable {
        var current: Lookup?
        var lastAddress: String?
        var resolvedAt: ContinuousClock.Instant?
    }

    /// How long an answer is reused before the next connect asks again (reconnects come often
    /// while Redis is down; the address rarely changes).
    static let reuse: Duration = .seconds(30)

    private let resolver: HostResolver
    private let state = Mutex(State())
    private let finished = Mutex<[DispatchSemaphore]>([])

    init(resolver: HostResolver) {
        self.resolver = resolver
    }

    /// The numeric address of `host` within `bound`.
    ///
    /// - Throws: ``RedisConnectionFailure`` when it does not resolve, or when it takes longer
    ///   than `bound` and no earlier address is known.
    func resolve(_ host: String, within bound: Duration) throws(RedisConnectionFailure) -> String {
        if HostResolver.isNumeric(host) { return host }
        let recent: String? = state.withLock { s in
            guard s.current?.host == host, let at = s.resolvedAt, at.duration(to: .now) < Self.reuse else { return nil }
            return s.lastAddress
        }
        if let recent { return recent }
        let signal = DispatchSemaphore(value: 0)
        let start: Bool = state.withLock { s in
            if let current = s.current, current.host == host, !current.done { return false }
            s.current = Lookup(host: host)
            return true
        }
        finished.withLock { $0.append(signal) }
        if start {
            let resolver = self.resolver
            let thread = Thread { [self] in
                let address = resolver.lookup(host)
                state.withLock { s in
                    if s.current?.host == host {
                        s.current?.done = true
                        s.current?.address = address
                    }
                    if let address {
                        s.lastAddress = address
                        s.resolvedAt = .now
                    }
                }
                for waiter in finished.withLock({ all -> [DispatchSemaphore] in
                    defer { all.removeAll() }
                    return all
                }) {
                    waiter.signal()
                }
            }
            thread.name = "redis-resolve"
            thread.start()
        }
        _ = signal.wait(timeout: .now() + .milliseconds(Int(max(1, bound.roundedUpMilliseconds))))
        let (current, last) = state.withLock { ($0.current, $0.lastAddress) }
        if let current, current.host == host, current.done {
            if let address = current.address { return address }
            throw RedisConnectionFailure(message: "the host name \(host) does not resolve")
        }
        if let last { return last }  // the DNS server stalls: keep using the address it gave before
        throw RedisConnectionFailure(
            message: "resolving \(host) took longer than the \(bound.roundedUpMilliseconds) ms connect timeout")
    }
}
