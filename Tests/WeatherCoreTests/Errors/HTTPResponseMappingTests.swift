import Foundation
import HTTPTypes
import WeatherCore
import WeatherTesting
import XCTest

final class HTTPResponseMappingTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_700_000_000)
    private let secret = "0123456789abcdef0123456789abcdef"

    private func map(
        _ status: Int, fixture: String? = nil, body: String? = nil, headers: HTTPFields = [:],
        query: String? = nil
    ) throws -> WeatherError? {
        let bytes =
            try fixture.map { try FixtureDirectory(bundle: .module).bytes("errors/\($0)") } ?? Array((body ?? "").utf8)
        let url = "https://api.openweathermap.org/data/2.5/weather?q=Atlantis&appid=\(secret)"
        return WeatherError(
            response: TransportResponse(status: .init(code: status), headerFields: headers, body: bytes), query: query,
            url: url, now: now)
    }

    func testInvalidKey() throws {
        let error = try XCTUnwrap(try map(401, fixture: "401-invalid-key.json"))
        XCTAssertEqual(error.code, .invalidAPIKey)
        XCTAssertEqual(error.status, 401)
        XCTAssertTrue(error.message.contains("Check OPENWEATHER_API_KEY"), error.message)
        XCTAssertTrue(error.message.contains("Invalid API key"), "OpenWeather's words are kept")
        XCTAssertFalse(error.isRetryable)
    }

    func testOneCallSubscription() throws {
        let error = try XCTUnwrap(try map(401, fixture: "401-onecall-subscription.json"))
        XCTAssertEqual(error.code, .subscriptionRequired)
        XCTAssertTrue(error.message.contains("Subscribe to \"One Call by Call\""), error.message)
        XCTAssertFalse(error.isRetryable)
    }

    func testNotFoundCarriesTheQueryWithCodAsStringInAnyKeyOrder() throws {
        for fixture in ["404-city-not-found.json", "404-not-found-city-legacy.json"] {
            let error = try XCTUnwrap(try map(404, fixture: fixture, query: "Atlantis,GR"), fixture)
            XCTAssertEqual(error.code, .notFound)
            XCTAssertEqual(error.query, "Atlantis,GR")
            XCTAssertTrue(error.message.contains("\"Atlantis,GR\""), error.message)
            XCTAssertTrue(error.message.contains("Check the spelling"), error.message)
            XCTAssertTrue(error.description.contains("query \"Atlantis,GR\""))
        }
    }

    func testA404ThatIsNotCityNotFoundIsAnUpstreamError() throws {
        let response = TransportResponse(
            status: 404, headerFields: [.contentType: "application/json"],
            body: Array(#"{"cod":"404","message":"Internal error"}"#.utf8))
        let error = try XCTUnwrap(WeatherError(response: response, query: "Atlantis", now: Date()))
        XCTAssertEqual(error.code, .serverError)
        XCTAssertEqual(error.status, 404)
        XCTAssertTrue(error.isRetryable)
        XCTAssertTrue(error.message.contains("Internal error"), error.message)
        XCTAssertFalse(error.message.contains("Check the spelling"), error.message)
    }

    func testRateLimitedWithRetryAfterInSeconds() throws {
        let error = try XCTUnwrap(try map(429, fixture: "429-rate-limited.json", headers: [.retryAfter: "120"]))
        XCTAssertEqual(error.code, .rateLimited)
        XCTAssertEqual(error.retryAfter, .seconds(120))
        XCTAssertTrue(error.message.contains("Wait 120 s"), error.message)
        XCTAssertTrue(error.isRetryable)
    }

    func testRateLimitedWithRetryAfterAsHTTPDate() throws {
        // now + 90 s, as an IMF-fixdate: 2023-11-14T22:14:50Z.
        let error = try XCTUnwrap(
            try map(429, fixture: "429-rate-limited.json", headers: [.retryAfter: "Tue, 14 Nov 2023 22:14:50 GMT"]))
        XCTAssertEqual(error.retryAfter, .seconds(90))
        XCTAssertTrue(error.message.contains("Wait 90 s"), error.message)
    }

    func testRateLimitedWithoutRetryAfter() throws {
        let error = try XCTUnwrap(try map(429, fixture: "429-rate-limited.json"))
        XCTAssertNil(error.retryAfter)
        XCTAssertTrue(error.message.contains("Wait a minute"), error.message)
        let fromGateway = try XCTUnwrap(try map(429, body: ""))
        XCTAssertEqual(fromGateway.code, .rateLimited, "429 means the same whoever sends it")
    }

    func testBadRequestKeepsOpenWeathersMessage() throws {
        let geocode = try XCTUnwrap(try map(400, fixture: "400-nothing-to-geocode.json"))
        XCTAssertEqual(geocode.code, .badRequest)
        XCTAssertTrue(geocode.message.contains("\"Nothing to geocode\""), geocode.message)
        let latitude = try XCTUnwrap(try map(400, fixture: "400-wrong-latitude.json"))
        XCTAssertTrue(latitude.message.contains("\"wrong latitude\""), latitude.message)
        XCTAssertFalse(latitude.isRetryable)
    }

    func testServerErrors() throws {
        let gateway = try XCTUnwrap(
            try map(502, fixture: "502-bad-gateway.html", headers: [.contentType: "text/html"]))
        XCTAssertEqual(gateway.code, .serverError)
        XCTAssertEqual(gateway.status, 502)
        XCTAssertTrue(gateway.message.contains("HTML page (\"502 Bad Gateway\")"), gateway.message)
        XCTAssertTrue(gateway.isRetryable)
        let empty = try XCTUnwrap(try map(503, body: "", headers: [.retryAfter: "5"]))
        XCTAssertEqual(empty.code, .serverError)
        XCTAssertEqual(empty.status, 503)
        XCTAssertEqual(empty.retryAfter, .seconds(5))
        let json = try XCTUnwrap(try map(500, body: #"{"cod":500,"message":"Internal error"}"#))
        XCTAssertEqual(json.code, .serverError)
        XCTAssertTrue(json.message.contains("Internal error"))
    }

    func testHTMLOrEmptyBodiesOnClientErrorsAreUnexpected() throws {
        let cases: [(Int, String, String)] = [
            (401, "<html><head><title>401 Authorization Required</title></head></html>", "401 Authorization Required"),
            (404, "<!DOCTYPE html><html><title>Not Found</title>", "Not Found"),
            (404, "", "an empty body"),
            (400, "   \n", "an empty body"),
            (401, "Unauthorized", "not JSON"),
            (403, #"{"cod":403,"message":"Forbidden"}"#, "Forbidden"),
            (404, #"{"error":"nope"}"#, "unrecognised JSON"),
        ]
        for (status, body, expected) in cases {
            let error = try XCTUnwrap(try map(status, body: body), "\(status) \(body)")
            XCTAssertEqual(error.code, .unexpectedResponse, "\(status) \(body)")
            XCTAssertEqual(error.status, status)
            XCTAssertTrue(error.message.contains(expected), error.message)
            XCTAssertTrue(error.message.contains("Check the base URL"), error.message)
        }
    }

    func testRedirectsNameTheirTargetWithoutTheKey() throws {
        let error = try XCTUnwrap(
            try map(301, body: "", headers: [.location: "https://other.example/data?appid=\(secret)"]))
        XCTAssertEqual(error.code, .unexpectedResponse)
        XCTAssertTrue(error.message.contains("https://other.example/data?appid=REDACTED"), error.message)
    }

    func testSuccessesAreNotErrors() throws {
        XCTAssertNil(try map(200, body: #"{"coord":{"lon":1,"lat":2},"cod":200}"#))
        XCTAssertNil(try map(200, body: #"{"cod":"200","message":0,"cnt":0,"list":[]}"#))
        XCTAssertNil(try map(200, body: "[]"))
        for fixture in [
            "current/0000.json", "forecast/0000.json", "onecall/0000.json", "geo/0000.json", "air/0000.json",
        ] {
            let body = try FixtureDirectory(bundle: .module).bytes(fixture)
            XCTAssertNil(WeatherError(response: TransportResponse(status: .ok, body: body), now: now), fixture)
        }
    }

    func testA200CarryingAnErrorBodyIsAnError() throws {
        let notFound = try XCTUnwrap(try map(200, fixture: "404-city-not-found.json", query: "Atlantis"))
        XCTAssertEqual(notFound.code, .notFound)
        XCTAssertEqual(notFound.status, 404)
        XCTAssertTrue(notFound.underlying?.contains("HTTP 200") == true)
        let invalidKey = try XCTUnwrap(try map(200, fixture: "401-invalid-key.json"))
        XCTAssertEqual(invalidKey.code, .invalidAPIKey)
    }

    func testEmptyOrHTMLSuccessesAreUnexpected() throws {
        XCTAssertEqual(try map(200, body: "")?.code, .unexpectedResponse)
        let portal = try XCTUnwrap(try map(200, body: "<html><title>Hotel Wi-Fi login</title></html>"))
        XCTAssertEqual(portal.code, .unexpectedResponse)
        XCTAssertTrue(portal.message.contains("Hotel Wi-Fi login"), portal.message)
    }

    func testTheAPIKeyNeverAppearsInAnyError() throws {
        let http = try OpenWeatherRequest.current(.city(name: "Atlantis")).httpRequest(apiKey: APIKey(secret))
        let responses: [TransportResponse] =
            try [
                ("401-invalid-key.json", 401), ("401-onecall-subscription.json", 401), ("404-city-not-found.json", 404),
                ("404-not-found-city-legacy.json", 404), ("429-rate-limited.json", 429),
                ("400-nothing-to-geocode.json", 400),
                ("400-wrong-latitude.json", 400), ("502-bad-gateway.html", 502),
            ].map {
                TransportResponse(
                    status: .init(code: $0.1), headerFields: [.retryAfter: "3"],
                    body: try FixtureDirectory(bundle: .module).bytes("errors/\($0.0)"))
            }
            + [
                TransportResponse(
                    status: 401, body: Array(#"{"cod":401,"message":"bad key appid=\#(secret) in url"}"#.utf8)),
                TransportResponse(status: 302, headerFields: [.location: "/x?appid=\(secret)"]),
            ]
        for response in responses {
            let error = try XCTUnwrap(
                WeatherError(response: response, to: try .current(.city(name: "Atlantis")), httpRequest: http, now: now)
            )
            var dumped = ""
            dump(error, to: &dumped)
            for text in [error.description, error.message, String(reflecting: error), dumped, error.url ?? ""] {
                XCTAssertFalse(text.contains(secret), text)
            }
            XCTAssertEqual(error.query, "Atlantis")
            XCTAssertTrue(error.url?.contains("appid=REDACTED") == true)
        }
    }
}
