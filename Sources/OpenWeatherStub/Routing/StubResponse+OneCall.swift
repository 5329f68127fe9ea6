/// The error answers of the One Call paths: OpenWeather's subscription 401s and One Call 4.0's
/// `{cod, message, parameters?}` bodies, `cod` a number.
extension StubResponse {
    /// 401 for a key whose plan lacks `version`, with OpenWeather's text.
    static func notSubscribed(to version: OneCallVersion) -> StubResponse {
        StubResponse(status: 401, body: #"{"cod":401, "message": "\#(version.notSubscribedMessage)"}"#)
    }

    /// One Call 4.0's 404: an undocumented `/data/4.0/…` path, an unknown or expired alert id.
    static let oneCall4NotFound = StubResponse(status: 404, body: #"{"cod":404,"message":"Internal error"}"#)

    /// One Call 4.0's 404 for a `start` past the forecast horizon (with that quirk on).
    static let oneCall4NoData = StubResponse(
        status: 404, body: #"{"cod":404,"message":"No data for the requested start","parameters":["start"]}"#)

    /// One Call 4.0's 400 naming the offending query parameters.
    static func oneCall4BadRequest(_ message: String, parameters: [String]) -> StubResponse {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("cod", 400)
        writer.field("message", message)
        writer.beginArray("parameters")
        for parameter in parameters { writer.value(parameter) }
        writer.endArray()
        writer.endObject()
        return StubResponse(status: 400, body: writer.text)
    }
}
