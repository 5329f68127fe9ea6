import NIOCore
import NIOPosix
public import WeatherServerCore
import WeatherPages

extension ConcurrencyExecutor {
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
