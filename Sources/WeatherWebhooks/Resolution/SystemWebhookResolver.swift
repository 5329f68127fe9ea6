import Dispatch
import Glibc

/// A ``WebhookResolver`` over the system's resolver (`getaddrinfo`: `/etc/hosts`, then DNS).
///
/// `getaddrinfo` blocks, so each lookup runs on a Dispatch queue, off Swift's cooperative thread pool, whose few
/// threads must never wait on the network.
public struct SystemWebhookResolver: WebhookResolver {
    /// A resolver over `getaddrinfo`.
    public init() {}

    /// Every IPv4 and IPv6 address `host` resolves to, without duplicates, in the resolver's order.
    ///
    /// - Throws: ``WebhookResolutionError`` with `getaddrinfo`'s message when the name does not resolve.
    public func addresses(of host: String, port: Int) async throws(WebhookResolutionError) -> [IPAddress] {
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<[IPAddress], WebhookResolutionError>, Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: Self.lookUp(host, port: port))
            }
        }
        return try result.get()
    }

    private static func lookUp(_ host: String, port: Int) -> Result<[IPAddress], WebhookResolutionError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0 else {
            return .failure(WebhookResolutionError(String(cString: gai_strerror(status))))
        }
        defer { freeaddrinfo(list) }
        var found: [IPAddress] = []
        var entry = list
        while let current = entry {
            if let address = Self.address(of: current.pointee), !found.contains(address) {
                found.append(address)
            }
            entry = current.pointee.ai_next
        }
        guard !found.isEmpty else { return .failure(WebhookResolutionError("no IPv4 or IPv6 address")) }
        return .success(found)
    }

    private static func address(of entry: addrinfo) -> IPAddress? {
        guard let socketAddress = entry.ai_addr else { return nil }
        switch entry.ai_family {
        case AF_INET:
            let value = UnsafeRawPointer(socketAddress).loadUnaligned(as: sockaddr_in.self).sin_addr
            return withUnsafeBytes(of: value) { IPAddress(bytes: Array($0)) }
        case AF_INET6:
            let value = UnsafeRawPointer(socketAddress).loadUnaligned(as: sockaddr_in6.self).sin6_addr
            return withUnsafeBytes(of: value) { IPAddress(bytes: Array($0)) }
        default:
            return nil
        }
    }
}
