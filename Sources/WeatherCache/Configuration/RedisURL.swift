import Foundation
import WeatherCore

extension RedisCacheStore.Configuration {
    /// Parses `redis://[[user]:password@]host[:port][/db]`, keeping the other fields' defaults.
    ///
    /// User and password are percent-decoded. `rediss://` turns on TLS (``tls`` set to trust the
    /// system's CAs; set its files for a private CA or a client certificate).
    ///
    /// - Throws: ``/WeatherCore/WeatherError`` with code `invalidRequest` naming what is wrong (never the password).
    public init(url string: String) throws {
        self.init()
        guard let components = URLComponents(string: string), let scheme = components.scheme?.lowercased() else {
            throw Self.invalid("is not a URL; expected redis://[user:password@]host:port/db")
        }
        switch scheme {
        case "redis":
            tls = nil
        case "rediss":
            tls = TLS()
        default:
            throw Self.invalid("has scheme \"\(scheme)\"; expected redis:// or rediss:// (TLS)")
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
