import Foundation

/// The process environment, read once.
enum ProcessEnvironment {
    /// The variables of this process.
    static var current: [String: String] { ProcessInfo.processInfo.environment }
}
