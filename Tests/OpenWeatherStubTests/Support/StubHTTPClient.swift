import Foundation
import OpenWeatherStub
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP exchange with a running stub over a real socket.
struct StubReply {
    var status: Int
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    func json() throws -> Any { try JSONSerialization.jsonObject(with: body) }

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

extension OpenWeatherStub {
    /// Sends `GET path` to this stub and returns the whole reply.
    func call(_ path: String) async throws -> StubReply { try await call("GET", path) }

    /// Sends `method path` (with `body`) to this stub and returns the whole reply.
    func call(_ method: String, _ path: String, body: String? = nil) async throws -> StubReply {
        let url = try XCTUnwrap(URL(string: baseURL + path))
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return StubReply(status: http.statusCode, headers: headers, body: data)
    }
}
