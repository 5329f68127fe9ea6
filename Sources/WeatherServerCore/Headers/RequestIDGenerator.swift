import Synchronization

/// `X-Request-Id` values: the client's when it is 1–128 visible ASCII characters, else a new one
/// (`<process prefix>-<counter>`, unique per process without a random draw per request).
package final class RequestIDGenerator: Sendable {
    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    package init() {
        prefix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }

    package func id(echoing given: String?) -> String {
        if let given, (1...128).contains(given.utf8.count), given.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) {
            return given
        }
        let next = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return prefix + "-" + String(next, radix: 16)
    }
}
