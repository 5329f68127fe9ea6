import Foundation
public import WeatherServerCore

/// Where the settings come from besides the environment: a folder of secret files
/// (`SECRETS_DIRECTORY`: Docker's `/run/secrets`, a Kubernetes secret volume), then a JSON file
/// (`CONFIG_FILE`). Each names a setting as its variable does, lower-cased: `openweather_api_key`
/// in the folder, `{"quota_per_minute": 120}` in JSON. The environment wins over both, the folder
/// over the file.
///
/// The sources only find values; every value is then validated as one from the environment is
/// (`ServiceConfiguration.init(environment:)`: fail fast, one line naming the variable, exit 2).
/// Only the variables `ServiceConfiguration.settings` describes are read, and a JSON member that
/// names none of them is refused, so a typo is an error rather than a silent default.
///
/// Written here rather than with swift-configuration's providers (`DirectoryFilesProvider`,
/// `FileProvider<JSONSnapshot>`), which did the same and passed the same tests: linking that library
/// added 0.9 MB to the release binary and took the container image over its 110 MB bound (110.2 MB).
public enum ConfigurationSources {
    /// The variable naming the secrets folder.
    public static let secretsDirectoryVariable = "SECRETS_DIRECTORY"
    /// The variable naming the JSON file.
    public static let fileVariable = "CONFIG_FILE"
    /// The largest file read from either source: settings, not documents.
    static let maximumFileBytes = 1 << 20

    /// `environment` with every described setting that it leaves unset filled from the secrets
    /// folder or the JSON file it names; unchanged when it names neither.
    ///
    /// - Throws: `ConfigurationError` naming `SECRETS_DIRECTORY` or `CONFIG_FILE` when the folder or
    ///   file cannot be read, the JSON is not an object of settings, or a member names no setting or
    ///   holds something other than a string, a number or a boolean. The message never quotes a value.
    public static func resolve(_ environment: [String: String]) async throws(ConfigurationError) -> [String: String] {
        let directory = environment[secretsDirectoryVariable]?.trimmingCharacters(in: .whitespaces) ?? ""
        let file = environment[fileVariable]?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !directory.isEmpty || !file.isEmpty else { return environment }
        let fromFolder = directory.isEmpty ? [:] : try folderValues(directory)
        let fromFile = file.isEmpty ? [:] : try fileValues(file)
        var resolved = environment
        for variable in ServiceConfiguration.variables where (environment[variable] ?? "").isEmpty {
            let name = variable.lowercased()
            if let value = fromFolder[name] ?? fromFile[name] { resolved[variable] = value }
        }
        return resolved
    }

    /// The described settings that have a file in `directory`, by lower-cased name: each file's
    /// contents with leading and trailing white space trimmed.
    private static func folderValues(_ directory: String) throws(ConfigurationError) -> [String: String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationError(
                variable: secretsDirectoryVariable, problem: "names a folder that cannot be read (\(directory))")
        }
        var values: [String: String] = [:]
        for variable in ServiceConfiguration.variables {
            let name = variable.lowercased()
            let path = (directory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let data = FileManager.default.contents(atPath: path), data.count <= maximumFileBytes else {
                throw ConfigurationError(
                    variable: secretsDirectoryVariable, problem: "has a file \(name) that cannot be read or is too large")
            }
            values[name] = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return values
    }

    /// The members of the JSON object in `path`, each as the text an environment variable would hold.
    private static func fileValues(_ path: String) throws(ConfigurationError) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path), data.count <= maximumFileBytes else {
            throw ConfigurationError(variable: fileVariable, problem: "names a file that cannot be read (\(path))")
        }
        let members: [String: SettingValue]
        do {
            members = try JSONDecoder().decode([String: SettingValue].self, from: data)
        } catch let DecodingError.typeMismatch(_, context) where !context.codingPath.isEmpty {
            throw ConfigurationError(
                variable: fileVariable,
                problem: "has the member \"\(context.codingPath[0].stringValue)\", which must be a string, a number or a boolean")
        } catch {
            throw ConfigurationError(variable: fileVariable, problem: "names a file that is not a JSON object of settings (\(path))")
        }
        let known = Set(ServiceConfiguration.variables.map { $0.lowercased() })
        if let unknown = members.keys.sorted().first(where: { !known.contains($0) }) {
            throw ConfigurationError(
                variable: fileVariable,
                problem: "has the member \"\(unknown)\", which names no setting (they are the variables in lower case, e.g. \"quota_per_minute\")")
        }
        return members.mapValues(\.text)
    }

    /// One member's value: a string, a whole number, a number or a boolean, as an environment
    /// variable would spell it (`true` as `1`).
    private struct SettingValue: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Bool.self) {
                text = value ? "1" : "0"
            } else if let value = try? container.decode(Int.self) {
                text = String(value)
            } else if let value = try? container.decode(Double.self) {
                text = String(value)
            } else {
                text = try container.decode(String.self)
            }
        }
    }
}
