import NIOCore
import NIOPosix
public import WeatherServerCore

extension ConcurrencyExecutor {
    /// The choice `CONCURRENCY_EXECUTOR` makes in `environment` (`ConcurrencyExecutor.eventLoops` when unset or unknown:
    /// `ServiceConfiguration.init(environment:)` reports an unknown value before the port is bound).
    public static func chosen(in environment: [String: String]) -> ConcurrencyExecutor {
        environment["CONCURRENCY_EXECUTOR"].flatMap { ConcurrencyExecutor(rawValue: $0.lowercased()) } ?? .eventLoops
    }

    /// Makes this choice take effect; call it first thing in `main`, before any task is created.
    ///
    /// - Returns: whether NIO's event loops now run Swift concurrency (`false` for `ConcurrencyExecutor.cooperative`,
    ///   or when another global executor was installed first).
    @discardableResult
    public func install() -> Bool {
        switch self {
        case .cooperative: return false
        case .eventLoops: return NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
    }
}
