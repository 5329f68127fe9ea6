import Foundation
import WeatherCore

extension RedisCacheStore.Configuration {
    /// Parses `redis://[[user]:password@]host[:port][/db]`, keeping the other fields' defaults.
    ///
    /// User and password are percent-decoded. `rediss://` (TLS) is rejected: hiredis 0.14 as
    /// shipped by Debian has no TLS; put a TLS proxy such as stunnel next to the service instead.
    ///
    /// - Throws: ``/WeatherCore/WeatherError`` with code `invalidRequest` naming what is wrong (never the password).
    public init(url string: String) throws {
        self.init()
        guard let components = URLComponents(string: string), let scheme = components.scheme?.lowercased() else {
            throw Self.invalid("is not a URL; expected redis://[user:password@]host:port/db")
        }
        switch scheme {
        case "redis":
            break
        case "rediss":
            throw Self.invalid(
                "asks for TLS (rediss://), which this build's hiredis 0.14 does not support; use redis://")
        default:
            throw Self.invalid("has scheme \"\(scheme)\"; expected redis://")
        }
        guard let host = components.host, !host.isEmpty else {
            throw Self.invalid("has no host; expected redis://host:port/db")
        }
        self.host = host
        if let port = components.port {
            guard (1...65535).contains(port) else { throw Self.invalid("has port \(port), outside 1...65535") }
            self.port = port
        }
        if let user = components.percentEncodedUser, !user.isEmpty {
            username = user.removingPercentEncoding ?? user
        }
        if let password = components.percentEncodedPassword {
            self.password = password.removingPercentEncoding ?? password
        }
        let path = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if !path.isEmpty {
            guard let database = Int(path), database >= 0 else {
                throw Self.invalid("has path \"/\(path)\"; the path must be a database number such as /0")
            }
            self.database = database
        }
    }

    private static func invalid(_ problem: String) -> WeatherError {
        WeatherError(code: .invalidRequest, message: "The Redis URL \(problem).")
    }
}
