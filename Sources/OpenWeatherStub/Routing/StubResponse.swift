/// What an endpoint answers: a status, a content type and a body.
struct StubResponse: Sendable {
    var status: Int
    var contentType: String = "application/json; charset=utf-8"
    var extraHeaders: [(String, String)] = []
    var body: String

    /// A 200 JSON answer.
    static func json(_ body: String) -> StubResponse { StubResponse(status: 200, body: body) }

    /// OpenWeather's 401 for a wrong or missing key.
    static let invalidKey = StubResponse(
        status: 401,
        body:
            #"{"cod":401, "message": "Invalid API key. Please see https://openweathermap.org/faq#error401 for more info."}"#
    )

    /// OpenWeather's 404 for an unknown place.
    static let cityNotFound = StubResponse(status: 404, body: #"{"cod":"404","message":"city not found"}"#)

    /// OpenWeather's 404 for a zip code it does not know.
    static let zipNotFound = StubResponse(status: 404, body: #"{"cod":"404","message":"not found"}"#)

    /// OpenWeather's 404 for a path it does not serve.
    static let noSuchEndpoint = StubResponse(status: 404, body: #"{"cod":"404","message":"Internal error"}"#)

    /// OpenWeather's 400 with `message`.
    static func badRequest(_ message: String) -> StubResponse {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("cod", "400")
        writer.field("message", message)
        writer.endObject()
        return StubResponse(status: 400, body: writer.text)
    }

    /// OpenWeather's 429 body, with `Retry-After` when `retryAfter` is given.
    static func rateLimited(retryAfter: Int?) -> StubResponse {
        StubResponse(
            status: 429, extraHeaders: retryAfter.map { [("Retry-After", String($0))] } ?? [],
            body:
                #"{"cod":429,"message":"Your account is temporary blocked due to exceeding of requests limitation of your subscription type. Please choose the proper subscription https://openweathermap.org/price"}"#
        )
    }

    /// A 5xx with a JSON body.
    static func serverError(_ status: Int) -> StubResponse {
        StubResponse(status: status, body: "{\"cod\":\(status),\"message\":\"Internal server error\"}")
    }

    /// The HTML page OpenWeather's gateway sends with a 502.
    static let badGatewayPage = StubResponse(
        status: 502, contentType: "text/html",
        body: """
            <html>
            <head><title>502 Bad Gateway</title></head>
            <body>
            <center><h1>502 Bad Gateway</h1></center>
            <hr><center>openresty</center>
            </body>
            </html>

            """)
}
