import WeatherTrackerClient

/// One call of one operation and the status it must answer with. The call returns the generated
/// `Output` as it is; ``OutputInspector`` reads it, so the table in `Checks.swift` stays one entry
/// per call whatever the operation's types.
struct Check: Sendable {
    /// The operation's `operationId` in the document (the generated `Operations.<name>.id`).
    var operationID: String
    /// What is asked, for the report line: `city=London`.
    var label: String
    /// The HTTP status the answer must have.
    var status: Int
    /// Makes the call with the generated client.
    var call: @Sendable (Client) async throws -> any Sendable
}
