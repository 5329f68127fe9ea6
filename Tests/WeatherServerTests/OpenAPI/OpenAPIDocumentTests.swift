import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// The OpenAPI document is the contract: every route the router serves is in it, every documented
/// route is served, and what the routes answer (status, headers) is what the document says.
final class OpenAPIDocumentTests: XCTestCase {
    static var document: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json))) as? [String: Any] ?? [:]
    }

    static var paths: [String: Any] { Self.document["paths"] as? [String: Any] ?? [:] }

    /// A response object, or the component a `$ref` names (`#/components/responses/…`).
    static func resolved(_ response: [String: Any]?) -> [String: Any]? {
        guard let ref = response?["$ref"] as? String else { return response }
        let components = Self.document["components"] as? [String: Any] ?? [:]
        let parts = ref.split(separator: "/").map(String.init)
        return (components[parts[2]] as? [String: Any])?[parts[3]] as? [String: Any]
    }

    static var conformance: SchemaConformance {
        SchemaConformance(components: (Self.document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:])
    }

    static func operation(_ path: String) -> [String: Any] {
        ((Self.paths[path] as? [String: Any])?["get"] as? [String: Any]) ?? [:]
    }

    func testTheDocumentIsOpenAPI31AndListsExactlyTheRoutesTheRouterServes() async throws {
        XCTAssertEqual(Self.document["openapi"] as? String, "3.1.0")
        try await ServiceHarness.run { harness, _ in
            let built = ServiceRouter.build(dependencies: harness.dependencies, metrics: harness.metrics)
            XCTAssertEqual(Set(built.paths), Set(Self.paths.keys), "router and document disagree")
            XCTAssertEqual(built.paths.count, Set(built.paths).count, "a path registered twice")
        }
    }

    func testEveryLookupDocumentsItsParametersAndStatuses() {
        for route in LookupRoute.all {
            let op = Self.operation(route.path)
            // The place is one object parameter whose forms hold the place parameters.
            var names: Set<String> = []
            for parameter in (op["parameters"] as? [[String: Any]]) ?? [] {
                guard let name = parameter["name"] as? String else { continue }
                guard name == "place" else {
                    names.insert(name)
                    continue
                }
                XCTAssertEqual(parameter["style"] as? String, "form", route.path)
                XCTAssertEqual(parameter["explode"] as? Bool, true, route.path)
                XCTAssertEqual((parameter["schema"] as? [String: Any])?["$ref"] as? String, "#/components/schemas/Place")
                let schemas = (Self.document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
                let forms = ((schemas["Place"] as? [String: Any])?["oneOf"] as? [[String: Any]]) ?? []
                XCTAssertEqual(forms.count, PlaceForm.all.count, route.path)
                for form in forms {
                    let name = String((form["$ref"] as? String ?? "").split(separator: "/").last ?? "")
                    names.formUnion(((schemas[name] as? [String: Any])?["properties"] as? [String: Any] ?? [:]).keys)
                }
            }
            XCTAssertEqual(names, route.parameterNames.union(["If-None-Match"]), route.path)
            let statuses = Set((op["responses"] as? [String: Any] ?? [:]).keys)
            XCTAssertEqual(statuses, Set(["200", "304"] + OpenAPIDocument.lookupErrorStatuses), route.path)
        }
    }

    /// Calls every documented route and checks the answer's status and headers against the document.
    func testWhatTheRoutesAnswerIsDocumented() async throws {
        let queries = LookupRoutesTests.validQueries.merging(["/weather/{city}": "units=metric"]) { $1 }
        // The client limit on (and never reached), so its RateLimit fields are on the answers too.
        try await ServiceHarness.run(clientLimit: ClientLimit(burst: 10_000)) { _, client in
            // GET operations here; POST /v1/batch in BatchRouteTests.
            for path in Self.paths.keys.sorted() where (Self.paths[path] as? [String: Any])?["get"] != nil {
                let concrete = path.replacingOccurrences(of: "{city}", with: "Oslo")
                let query = queries[path].map { "?" + $0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)! } ?? ""
                let responses = Self.operation(path)["responses"] as? [String: Any] ?? [:]
                var exercised = [try await client.execute(uri: concrete + query, method: .get)]
                if queries[path] != nil {
                    exercised.append(try await client.execute(uri: concrete + "?bogus=1", method: .get))
                }
                for response in exercised {
                    let status = String(response.status.code)
                    let documented = try XCTUnwrap(
                        Self.resolved(responses[status] as? [String: Any]), "\(path) answered \(status), undocumented")
                    let headers = documented["headers"] as? [String: Any] ?? [:]
                    for name in headers.keys where !["Retry-After"].contains(name) {
                        XCTAssertNotNil(response.headers[HTTPField.Name(name)!], "\(path) \(status) lacks documented \(name)")
                    }
                    let content = documented["content"] as? [String: Any] ?? [:]
                    if let type = response.headers[.contentType] {
                        XCTAssertTrue(
                            content.keys.contains { type.hasPrefix($0) }, "\(path) \(status) content type \(type) not in \(content.keys)")
                        // The body against its documented schema: what the encoder wrote is what the document says.
                        if type.contains("json"), let media = content.first(where: { type.hasPrefix($0.key) })?.value as? [String: Any],
                            let schema = media["schema"] as? [String: Any]
                        {
                            let violations = Self.conformance.violations(ofJSON: response.body.readableBytesView, against: schema)
                            XCTAssertEqual(violations, [], "\(path)?\(queries[path] ?? "") \(status)")
                        }
                    }
                    for field in response.headers where field.name.canonicalName.hasPrefix("x-") {
                        XCTAssertNotNil(
                            headers.keys.first { $0.lowercased() == field.name.canonicalName },
                            "\(path) sends undocumented \(field.name)")
                    }
                }
            }
        }
    }
}
