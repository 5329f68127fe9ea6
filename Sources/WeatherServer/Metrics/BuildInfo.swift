import Foundation
import WeatherServerCore
import WeatherPages

/// Which build is running, as `weather_tracker_build_info{version,swift_version,commit} 1`: the
/// gauge every dashboard joins on to tell replicas and rollouts apart.
public struct BuildInfo: Sendable, Equatable {
    /// The service's release (``ServiceVersion/current``).
    public var version: String
    /// The Swift compiler that built it, `major.minor` (`6.2`).
    public var swiftVersion: String
    /// The git commit it was built from (7–40 lowercase hex digits), or `unknown`.
    public var commit: String

    /// A build of `version` by `swiftVersion` from `commit`; a commit that is not 7–40 hex digits is `unknown`.
    public init(version: String = ServiceVersion.current, swiftVersion: String = BuildInfo.compilerVersion, commit: String?) {
        self.version = version
        self.swiftVersion = swiftVersion
        self.commit = Self.validCommit(commit) ?? "unknown"
    }

    /// This process's build: the commit is `GIT_COMMIT` from the environment, which the container
    /// build bakes into the image (`docker build --build-arg GIT_COMMIT=$(git rev-parse HEAD)`); a
    /// plain `swift build` has none, so `unknown`. Read from the environment rather than generated
    /// into the sources: SwiftPM has no build-time hook for it short of a build-tool plugin, and
    /// every build of one commit then stays byte-identical.
    public static var current: BuildInfo {
        BuildInfo(commit: ProcessInfo.processInfo.environment["GIT_COMMIT"])
    }

    /// The compiler's version, `major.minor`, as the compiler itself knows it at build time.
    public static var compilerVersion: String {
        #if compiler(>=6.5)
            return "6.5+"
        #elseif compiler(>=6.4)
            return "6.4"
        #elseif compiler(>=6.3)
            return "6.3"
        #elseif compiler(>=6.2)
            return "6.2"
        #elseif compiler(>=6.1)
            return "6.1"
        #else
            return "6.0"
        #endif
    }

    /// `commit` lowercased when it is 7–40 hex digits (a short or full SHA-1), else `nil`: a label
    /// value never carries whatever else an environment might hold.
    static func validCommit(_ commit: String?) -> String? {
        guard let commit = commit?.lowercased(), (7...40).contains(commit.utf8.count),
            commit.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        return commit
    }
}
