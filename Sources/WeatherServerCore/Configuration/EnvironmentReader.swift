import Foundation
import WeatherCore

/// Typed reads of environment variables; blank values count as unset. Errors name the variable.
package struct EnvironmentReader {
    private let environment: [String: String]

    package init(_ environment: [String: String]) { self.environment = environment }

    /// The trimmed value, or `nil` when unset or blank. Only a variable that
    /// ``ServiceConfiguration/settings`` describes may be read (checked in debug builds), so that the
    /// help and the documentation made from it name every variable the service reads.
    package func string(_ name: String) -> String? {
        assert(ServiceConfiguration.setting(for: name) != nil, "\(name) is read but not described in ServiceConfiguration.settings")
        guard let value = environment[name]?.trimmingWhitespace(), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// An integer within `range`.
    package func integer(_ name: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError(
                variable: name,
                problem: "must be an integer in \(range.lowerBound)...\(range.upperBound) (got \"\(text)\")")
        }
        return value
    }

    /// A number of seconds (fractions allowed, an optional `s` suffix) within `range`.
    package func seconds(_ name: String, in range: ClosedRange<Double>) throws(ConfigurationError) -> Duration? {
        guard let text = string(name) else { return nil }
        let digits = text.hasSuffix("s") ? String(text.dropLast()) : text
        guard let value = Double(digits), value.isFinite, range.contains(value) else {
            throw ConfigurationError(
                variable: name,
                problem: "must be a number of seconds in \(Self.format(range.lowerBound))...\(Self.format(range.upperBound)) (got \"\(text)\")")
        }
        return .milliseconds(Int64((value * 1000).rounded()))
    }

    /// A decimal number within `range` (per-second rates).
    package func number(_ name: String, in range: ClosedRange<Double>) throws(ConfigurationError) -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw ConfigurationError(
                variable: name,
                problem: "must be a number in \(Self.format(range.lowerBound))...\(Self.format(range.upperBound)) (got \"\(text)\")")
        }
        return value
    }

    /// `on`/`off` (also `true`/`false`, `yes`/`no`, `1`/`0`).
    package func `switch`(_ name: String) throws(ConfigurationError) -> Bool? {
        guard let text = string(name) else { return nil }
        switch text.lowercased() {
        case "on", "true", "yes", "1": return true
        case "off", "false", "no", "0": return false
        default: throw ConfigurationError(variable: name, problem: "must be on or off (got \"\(text)\")")
        }
    }

    /// A fraction in 0...1 (`0.5`, or `50%`).
    package func fraction(_ name: String) throws(ConfigurationError) -> Double? {
        guard let text = string(name) else { return nil }
        let isPercent = text.hasSuffix("%")
        let number = Double(isPercent ? String(text.dropLast()) : text).map { isPercent ? $0 / 100 : $0 }
        guard let number, (0...1).contains(number) else {
            throw ConfigurationError(variable: name, problem: "must be a fraction in 0...1 or a percentage (got \"\(text)\")")
        }
        return number
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
