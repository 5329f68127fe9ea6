import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import OpenWeatherStub
import WeatherCore
import WeatherHTTP
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// A fetched page: status, headers and the body as text.
struct FetchedPage: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String
}

/// The service's router over `transport`, in-process (HummingbirdTesting `.router`): `fetch` GETs a page.
struct PageHarness: Sendable {
    let assembly: ServiceAssembly
    var dependencies: ServiceDependencies { assembly.dependencies }

    /// A harness whose client talks to `baseURL` through `transport`.
    init(
        transport: any HTTPTransport, baseURL: String = "http://stub.invalid", trackedPlaces: [Place] = [],
        mode: ServiceMode = .demo
    ) {
        let client = WeatherClient(
            transport: transport,
            configuration: .init(
                apiKey: APIKey(OpenWeatherStub.Configuration.defaultAPIKey), baseURL: baseURL,
                retry: RetryPolicy(maxAttempts: 1)))
        var configuration = ServiceConfiguration()
        configuration.apiKey = mode == .live ? APIKey(OpenWeatherStub.Configuration.defaultAPIKey) : nil
        configuration.demoRequested = mode == .demo
        configuration.trackedPlaces = trackedPlaces
        assembly = ServiceAssembly(configuration: configuration, client: client, logger: Logger(label: "page-tests"))
    }

    /// GETs each of `uris` in one application run.
    func fetch(_ uris: [String]) async throws -> [FetchedPage] {
        let app = Application(responder: assembly.responder)
        return try await app.test(.router) { client in
            var pages: [FetchedPage] = []
            for uri in uris {
                let page = try await client.execute(uri: uri, method: .get) { response in
                    FetchedPage(status: response.status, headers: response.headers, body: String(buffer: response.body))
                }
                pages.append(page)
            }
            return pages
        }
    }

    /// GETs `uri`.
    func fetch(_ uri: String) async throws -> FetchedPage {
        try await fetch([uri])[0]
    }
}

/// Runs `body` with a running stub, a curl transport to it and a harness over both.
func withStubHarness(
    trackedPlaces: [Place] = [], isolation: isolated (any Actor)? = #isolation,
    _ body: (PageHarness, OpenWeatherStub) async throws -> Void
) async throws {
    try await OpenWeatherStub.withRunning { stub in
        let transport = CurlTransport(configuration: .init(connectTimeout: .seconds(2), timeout: .seconds(5)))
        let harness = PageHarness(transport: transport, baseURL: stub.baseURL, trackedPlaces: trackedPlaces)
        do {
            try await body(harness, stub)
        } catch {
            await transport.shutdown()
            throw error
        }
        await transport.shutdown()
    }
}

/// Asserts what every page response carries: the status, HTML, and the security headers.
func assertPageHeaders(
    _ page: FetchedPage, status: HTTPResponse.Status = .ok, file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(page.status, status, file: file, line: line)
    XCTAssertEqual(page.headers[.contentType], "text/html; charset=utf-8", file: file, line: line)
    XCTAssertEqual(page.headers[.contentSecurityPolicy], PageResponse.contentSecurityPolicy, file: file, line: line)
    XCTAssertEqual(page.headers[.xContentTypeOptions], "nosniff", file: file, line: line)
    XCTAssertEqual(page.headers[HTTPField.Name("Referrer-Policy")!], "no-referrer", file: file, line: line)
}

extension String {
    /// The first `<svg class="CLASS" …>…</svg>` in the text (inline SVGs do not nest here), or `nil`.
    func svg(withClass cssClass: String) -> String? {
        guard let start = range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(cssClass)\"") else {
            return nil
        }
        guard let end = range(of: "</svg>", range: start.upperBound..<endIndex) else { return nil }
        return String(self[start.lowerBound..<end.upperBound])
    }

    /// How often `needle` occurs.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
