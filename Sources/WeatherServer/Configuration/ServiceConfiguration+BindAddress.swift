import NIOCore
public import WeatherServerCore
import WeatherPages

extension ServiceConfiguration {
    /// Resolves `ServiceConfiguration.host` the way the server will bind it, before anything starts.
    ///
    /// - Throws: `ConfigurationError` naming `HOST` when it does not resolve to an address, so a
    ///   typo is one line and exit status 2 instead of a failure after the start-up lines.
    public func resolveBindAddress() throws(ConfigurationError) {
        do {
            _ = try SocketAddress.makeAddressResolvingHost(host, port: port)
        } catch {
            throw ConfigurationError(
                variable: "HOST", problem: "\"\(host)\" does not resolve to an address this machine can bind")
        }
    }
}
