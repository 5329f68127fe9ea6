import WeatherCore

extension ParameterSpec {
    /// This integer parameter's value in `query`, within the bounds of its ``schema``, the very bounds
    /// the OpenAPI document states: `nil` when absent and not ``required``.
    ///
    /// - Throws: a 400 ``Problem`` naming the parameter when it is required and absent, blank, not a
    ///   plain integer, or out of bounds.
    package func integer(in query: QueryString) throws(Problem) -> Int? {
        guard case .integer(let minimum, let maximum) = schema else {
            preconditionFailure("\(name) is read as an integer but its schema is \(schema)")
        }
        guard let text = try LookupQuery.nonBlank(query, name) else {
            if required { throw .invalidParameter(name, "\(name) is required: \(description)") }
            return nil
        }
        guard let value = text.plainInteger, (minimum...maximum).contains(value) else {
            throw .invalidParameter(name, "\(name) must be an integer in \(minimum)…\(maximum).")
        }
        return value
    }

    /// This number parameter's value in `query`, within the bounds of its ``schema``: `nil` when
    /// absent and not ``required``.
    ///
    /// - Throws: a 400 ``Problem`` naming the parameter when it is required and absent, not a plain
    ///   decimal number, or out of bounds.
    package func number(in query: QueryString) throws(Problem) -> Double? {
        guard case .number(let minimum, let maximum) = schema else {
            preconditionFailure("\(name) is read as a number but its schema is \(schema)")
        }
        guard let text = query.text(name) else {
            if required { throw .invalidParameter(name, "\(name) is required.") }
            return nil
        }
        guard let value = text.plainDecimal, (minimum...maximum).contains(value) else {
            throw .invalidParameter(name, "\(name) must be a number in \(Int(minimum))…\(Int(maximum)).")
        }
        return value
    }
}
