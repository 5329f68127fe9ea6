import Foundation

/// The process environment: one name for the commands' default, so a test can pass its own instead.
enum ProcessEnvironment {
    /// The variables of this process as they are now (read again on each use; `serve` reads them
    /// once, at start).
    static var current: [String: String] { ProcessInfo.processInfo.environment }
}
