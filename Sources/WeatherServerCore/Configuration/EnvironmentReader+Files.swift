import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension EnvironmentReader {
    /// The largest secret file read: a key or a password, not a document.
    package static let maximumSecretBytes = 64 * 1024

    /// A secret from `name`, or from the file `name_FILE` names (Docker and Kubernetes secrets):
    /// the file's contents with trailing newlines trimmed.
    ///
    /// - Throws: ``ConfigurationError`` when both are set, or when the file cannot be read or is
    ///   empty. The message names the variable and the path, never the contents.
    package func secret(_ name: String) throws(ConfigurationError) -> String? {
        let fileVariable = name + "_FILE"
        let value = string(name)
        guard let path = string(fileVariable) else { return value }
        guard value == nil else {
            throw ConfigurationError(
                variable: fileVariable, problem: "is set together with \(name): set only one of them")
        }
        let bytes = try Self.contents(of: path, variable: fileVariable, limit: Self.maximumSecretBytes)
        var text = String(decoding: bytes, as: UTF8.self)
        while let last = text.last, last == "\n" || last == "\r" || last == "\r\n" { text.removeLast() }
        guard !text.isEmpty else {
            throw ConfigurationError(variable: fileVariable, problem: "names an empty file (\(path))")
        }
        return text
    }

    /// The path in `name` after checking that it names a readable file; `nil` when unset.
    package func readableFile(_ name: String) throws(ConfigurationError) -> String? {
        guard let path = string(name) else { return nil }
        _ = try Self.contents(of: path, variable: name, limit: 1)
        return path
    }

    /// Up to `limit` bytes of the regular file at `path` (a longer secret file is refused).
    private static func contents(of path: String, variable: String, limit: Int) throws(ConfigurationError) -> [UInt8] {
        // stat follows symbolic links (Kubernetes mounts secrets as links); only a regular file is
        // read, so a FIFO or a device can never block the start.
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ConfigurationError(variable: variable, problem: "names a file that does not exist (\(path))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw ConfigurationError(variable: variable, problem: "does not name a regular file (\(path))")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ConfigurationError(
                variable: variable, problem: "names a file this process cannot read (\(path)); check its permissions")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw ConfigurationError(variable: variable, problem: "names a file that cannot be read (\(path))")
        }
        if limit > 1 && data.count > limit {
            throw ConfigurationError(
                variable: variable,
                problem: "names a file larger than \(limit / 1024) KiB (\(path)); it should hold only the secret")
        }
        return Array(data)
    }
}
