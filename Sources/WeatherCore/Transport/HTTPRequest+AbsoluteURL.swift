package import HTTPTypes

extension HTTPRequest {
    /// A request for an absolute URL string, split into the scheme, authority and path (query
    /// included) pseudo-header fields as given — nothing is re-encoded. Text without `://` is taken
    /// as a path.
    package init(method: Method = .get, absoluteURL url: String, headerFields: HTTPFields = [:]) {
        guard let separator = url.firstRange(of: "://") else {
            self.init(
                method: method, scheme: nil, authority: nil, path: url.isEmpty ? "/" : url, headerFields: headerFields)
            return
        }
        let rest = url[separator.upperBound...]
        let pathStart = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var path = String(rest[pathStart...])
        if !path.hasPrefix("/") { path = "/" + path }
        self.init(
            method: method, scheme: String(url[..<separator.lowerBound]), authority: String(rest[..<pathStart]),
            path: path, headerFields: headerFields)
    }

    /// `scheme://authority/path?query`, as the pseudo-header fields hold it (API key included).
    package var absoluteURL: String {
        let prefix = scheme.map { "\($0)://" } ?? ""
        return prefix + (authority ?? "") + (path ?? "")
    }
}
