import Configuration
import Foundation
import SystemPackage
public import WeatherServerCore
import WeatherPages

/// Where the settings come from, through swift-configuration's providers: the environment first,
/// then a folder of secret files (`SECRETS_DIRECTORY`: Docker's `/run/secrets`, a Kubernetes secret
/// volume), then a JSON file (`CONFIG_FILE`). Each source names a setting as its variable does,
/// lower-cased in a file: `openweather_api_key` in the folder, `{"quota_per_minute": 120}` in JSON.
///
/// The providers only find values; every value is then validated as one from the environment is
/// (`ServiceConfiguration.init(environment:)`: fail fast, one line naming the variable, exit 2).
/// Only the variables `ServiceConfiguration.settings` describes are read, and a JSON member that
/// names none of them is refused, so a typo is an error rather than a silent default.
public enum ConfigurationSources {
    /// The variable naming the secrets folder.
    public static let secretsDirectoryVariable = "SECRETS_DIRECTORY"
    /// The variable naming the JSON file.
    public static let fileVariable = "CONFIG_FILE"

    /// `environment` with every described setting that it leaves unset filled from the secrets
    /// folder or the JSON file it names; unchanged when it names neither.
    ///
    /// - Throws: `ConfigurationError` naming `SECRETS_DIRECTORY` or `CONFIG_FILE` when the folder or
    ///   file cannot be read, the JSON is not an object of settings, or a member names no setting.
    ///   The message never quotes a value.
    public static func resolve(_ environment: [String: String]) async throws(ConfigurationError) -> [String: String] {
        let directory = environment[secretsDirectoryVariable]?.trimmingCharacters(in: .whitespaces) ?? ""
        let file = environment[fileVariable]?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !directory.isEmpty || !file.isEmpty else { return environment }
        let secrets = Set(ServiceConfiguration.settings.filter(\.isSecret).flatMap(\.variables))
        var providers: [any ConfigProvider] = [
            EnvironmentVariablesProvider(environmentVariables: environment, secretsSpecifier: .specific(secrets))
        ]
        if !directory.isEmpty {
            do {
                providers.append(try await DirectoryFilesProvider(directoryPath: FilePath(directory)))
            } catch {
                throw ConfigurationError(
                    variable: secretsDirectoryVariable, problem: "names a folder that cannot be read (\(directory))")
            }
        }
        if !file.isEmpty {
            try checkMembers(ofJSONFile: file)
            do {
                providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(file)))
            } catch {
                throw ConfigurationError(variable: fileVariable, problem: "names a file that is not a JSON object of settings (\(file))")
            }
        }
        let reader = ConfigReader(providers: providers)
        var resolved = environment
        for variable in ServiceConfiguration.variables where (environment[variable] ?? "").isEmpty {
            // The environment provider maps the key to the variable itself; the folder and the JSON
            // file to its lower-cased name.
            let key = ConfigKey([variable.lowercased()])
            let isSecret = secrets.contains(variable)
            let text =
                reader.string(forKey: key, isSecret: isSecret)
                ?? reader.int(forKey: key, isSecret: isSecret).map(String.init)
                ?? reader.double(forKey: key, isSecret: isSecret).map { String($0) }
                ?? reader.bool(forKey: key, isSecret: isSecret).map { $0 ? "1" : "0" }
            if let text { resolved[variable] = text }
        }
        return resolved
    }

    /// Refuses a JSON file whose top level is not an object, or with a member that names no setting.
    private static func checkMembers(ofJSONFile path: String) throws(ConfigurationError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(variable: fileVariable, problem: "names a file that cannot be read (\(path))")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ConfigurationError(variable: fileVariable, problem: "names a file that is not a JSON object of settings (\(path))")
        }
        let known = Set(ServiceConfiguration.variables.map { $0.lowercased() })
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw ConfigurationError(
                variable: fileVariable,
                problem: "has the member \"\(unknown)\", which names no setting (they are the variables in lower case, e.g. \"quota_per_minute\")")
        }
    }
}
