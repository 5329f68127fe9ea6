import Foundation
import NIOCore
import WeatherServerCore
import WeatherPages

/// The OpenAPI 3.1 document served at `GET /openapi.json`: the contract of every route, parameter,
/// status and header. Lookup routes are generated from ``LookupRoute/all`` — the same table the
/// router and the validation use — and the fixed routes from ``fixedRoutes``, so a route cannot exist
/// without being documented. `OpenAPIDocumentTests` checks that statement against the live router.
enum OpenAPIDocument {
    /// The document as JSON bytes, encoded once.
    static let json: [UInt8] = {
        let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
        return data.map(Array.init) ?? []
    }()

    /// ``json`` as the body `/openapi.json` writes; made on first use (a global's lazy, once-only start).
    static let buffer = ByteBuffer(bytes: json)

    /// `components.responses`: the problems every lookup may answer with (`LookupProblem404`, …) and
    /// its 304, each stated once and referred to by every lookup operation.
    static var responseComponents: [String: Any] {
        var components: [String: Any] = [
            "NotModified": ["description": "Not modified: If-None-Match named the current ETag.", "headers": lookupHeaders]
        ]
        for status in lookupErrorStatuses { components["LookupProblem" + status] = problem(problemDescription(status)) }
        return components
    }

    /// A reference to the shared problem answer of `status` (``responseComponents``).
    static func lookupProblem(_ status: String) -> [String: Any] { ["$ref": "#/components/responses/LookupProblem\(status)"] }

    /// Statuses every lookup may answer with (besides 200 and 304).
    static let lookupErrorStatuses = ["400", "404", "414", "422", "429", "502", "503", "504"]

    /// Headers on every lookup answer, by field name: each a reference to ``lookupHeaderComponents``,
    /// so the document (and a client generated from it) states them once, not per operation.
    static var lookupHeaders: [String: Any] {
        var headers: [String: Any] = [:]
        for field in lookupHeaderComponents.keys { headers[field] = ["$ref": "#/components/headers/\(componentName(ofHeader: field))"] }
        return headers
    }

    /// `components.headers`: the lookup headers, named without dashes (`X-Cache` → `XCache`).
    static var headerComponents: [String: Any] {
        var components: [String: Any] = [:]
        for (field, header) in lookupHeaderComponents { components[componentName(ofHeader: field)] = header }
        return components
    }

    static func componentName(ofHeader field: String) -> String { field.replacingOccurrences(of: "-", with: "") }

    /// The headers of every lookup answer, by field name.
    static var lookupHeaderComponents: [String: Any] { [
        "X-Cache": header("How the lookup was answered.", ["type": "string", "enum": ["HIT", "MISS", "STALE", "REVALIDATED"]]),
        "Age": header("Seconds since upstream produced the data.", ["type": "integer", "minimum": 0]),
        "Cache-Control": header(
            "public, max-age=<seconds left fresh>, stale-while-revalidate=<s>, stale-if-error=<s>.", ["type": "string"]),
        "ETag": header("Strong entity tag of the body; send it back in If-None-Match.", ["type": "string"]),
        "X-Request-Id": requestIDHeader,
        "X-Content-Type-Options": noSniffHeader,
        "RateLimit-Policy": header(
            "The client's limit on uncached lookups (draft-ietf-httpapi-ratelimit-headers): \"uncached\";q=<CLIENT_LIMIT_BURST>;w=<seconds an empty bucket takes to fill>. Sent when CLIENT_LIMIT is on, on every lookup answer (problems included) except warm hits from the fast path, which cost nothing.",
            ["type": "string"]),
        "RateLimit": header(
            "Where the client stands in that limit: \"uncached\";r=<lookups left that may go upstream>;t=<seconds until the bucket is full again>. Sent with RateLimit-Policy.",
            ["type": "string"]),
    ] }

    static var requestIDHeader: [String: Any] { header("The request's id (the client's X-Request-Id when sane).", ["type": "string"]) }

    /// `X-Content-Type-Options`, on every answer (API, problems and pages alike).
    static var noSniffHeader: [String: Any] {
        header("nosniff: the declared Content-Type is to be believed, never sniffed.", ["type": "string", "const": "nosniff"])
    }

    /// The headers every answer carries, whatever its route and status.
    static var everyAnswerHeaders: [String: Any] { ["X-Request-Id": requestIDHeader, "X-Content-Type-Options": noSniffHeader] }

    static var document: [String: Any] {
        let catalog = SchemaCatalog()
        // Problem answers refer to it by name (problemComponent) rather than through the catalog.
        _ = catalog.schema(for: Problem.ProblemDocument.self)
        var paths: [String: Any] = [:]
        for route in LookupRoute.all { paths[route.path] = ["get": lookupOperation(route, catalog)] }
        paths[LegacyWeatherResponder.path] = ["get": legacyOperation(catalog)]
        for route in fixedRoutes(catalog) { paths[route.path] = ["get": route.operation] }
        paths[BatchResponder.path] = ["post": batchOperation(catalog)]
        var schemas: [String: Any] = handWrittenSchemas(catalog)
        schemas.merge(catalog.components) { handWritten, _ in handWritten }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Weather Tracker",
                "version": ServiceVersion.current,
                "description":
                    "OpenWeather behind a shared cache: every value names its unit; lookups carry X-Cache, Age, Cache-Control and ETag, and honour If-None-Match. Errors are RFC 9457 problem documents.",
            ],
            "paths": paths,
            "components": ["schemas": schemas, "headers": headerComponents, "responses": responseComponents],
        ]
    }

    /// A route that is not a lookup: its path and operation.
    struct FixedRoute {
        var path: String
        var operation: [String: Any]
    }

    static func fixedRoutes(_ catalog: SchemaCatalog) -> [FixedRoute] {
        pageRoutes + [
            FixedRoute(
                path: "/health",
                operation: operation(
                    "health", "Liveness: never touches the network.",
                    responses: ["200": json("The process is up.", ["$ref": "#/components/schemas/Health"])])),
            FixedRoute(
                path: "/ready",
                operation: operation(
                    "ready", "Readiness: every configured dependency answers (Redis PING within 250 ms).",
                    responses: [
                        "200": json("Every dependency answers.", catalog.schema(for: HealthResponder.ReadyDocument.self)),
                        "503": json(
                            "A dependency does not answer; `checks` names it.", catalog.schema(for: HealthResponder.ReadyDocument.self)),
                    ])),
            FixedRoute(
                path: "/metrics",
                operation: operation(
                    "metrics", "Prometheus text exposition.",
                    responses: [
                        "200": [
                            "description": "The metrics.",
                            "headers": everyAnswerHeaders,
                            "content": ["text/plain": ["schema": ["type": "string"]]],
                        ]
                    ])),
            FixedRoute(
                path: "/openapi.json",
                operation: operation(
                    "openapi", "This document.",
                    responses: [
                        "200": [
                            "description": "The OpenAPI document.",
                            "headers": everyAnswerHeaders,
                            "content": ["application/json": ["schema": ["type": "object"]]],
                        ]
                    ])),
            FixedRoute(
                path: "/v1/tracked",
                operation: operation(
                    "tracked", "The tracked places with their latest current weather and cache age.",
                    parameters: [parameter(.units)],
                    responses: [
                        "200": json("The tracked places.", catalog.schema(for: TrackedResponder.TrackedDocument.self)),
                        "400": problem("Invalid units."),
                    ])),
            FixedRoute(
                path: "/v1/quota",
                operation: operation(
                    "quota",
                    "The account's upstream budget as this replica sees it: the per-minute window (every family together), each daily budget (One Call), the 429 cooldown, and whether the figures are shared (Redis) or this replica's own (no Redis, or Redis unreachable). Names the account by its key's fingerprint, never the key.",
                    responses: [
                        "200": json(
                            "The budget; sent with Cache-Control: no-store.", catalog.schema(for: QuotaDocument.self),
                            noStore: true),
                        "503": problem("The quota store could not be read."),
                    ])),
        ]
    }

    /// The web pages and their assets (HTML for people; not part of the JSON API, but served).
    static var pageRoutes: [FixedRoute] {
        var pageResponses: [String: Any] = ["200": page("The page.", "text/html")]
        for status in lookupErrorStatuses { pageResponses[status] = page(problemDescription(status) + " As a page.", "text/html") }
        let search = ParameterSpec(
            name: "q", description: "The search box: a place as the command line takes it (London,GB or 47.37,8.54); instead of the place parameters.",
            schema: .text(pattern: TextPattern.anyText))
        let placeParameters = parameters(ParameterSpec.place + [.units, .lang, search], placeRequired: false)
        return [
            FixedRoute(
                path: "/",
                operation: operation(
                    "page_overview", "The tracked places (and a searched one) as cards.", parameters: placeParameters,
                    responses: pageResponses)),
            FixedRoute(
                path: "/place",
                operation: operation(
                    "page_place", "One place in depth: the 5-day chart, the days, air quality.",
                    parameters: placeParameters, responses: pageResponses)),
            FixedRoute(
                path: "/assets/site.css",
                operation: operation("asset_css", "The pages' stylesheet.", responses: ["200": page("CSS.", "text/css")])),
            FixedRoute(
                path: "/assets/refresh.js",
                operation: operation(
                    "asset_js", "The pages' optional auto-refresh.", responses: ["200": page("JavaScript.", "text/javascript")])),
            FixedRoute(
                path: "/favicon.svg",
                operation: operation("favicon_svg", "The icon.", responses: ["200": page("SVG.", "image/svg+xml")])),
            FixedRoute(
                path: "/favicon.ico",
                operation: operation("favicon_ico", "The icon (as SVG).", responses: ["200": page("SVG.", "image/svg+xml")])),
        ]
    }

    /// A page or asset response: its type and the security headers every page carries.
    static func page(_ description: String, _ type: String) -> [String: Any] {
        [
            "description": description,
            "headers": [
                "X-Request-Id": requestIDHeader,
                "X-Content-Type-Options": noSniffHeader,
                "Content-Security-Policy": header("No external origins, no inline script.", ["type": "string"]),
                "Referrer-Policy": header("no-referrer", ["type": "string"]),
                "Cache-Control": header("no-cache for pages, an hour for assets.", ["type": "string"]),
            ],
            "content": [type: ["schema": ["type": "string"]]],
        ]
    }

    /// The schema of `route`'s answer, `LookupEnvelope<its data>`, from `catalog`.
    static func envelopeSchema(of route: LookupRoute, _ catalog: SchemaCatalog) -> [String: Any] {
        func envelope<Model: Codable>(_ model: Model.Type) -> [String: Any] { catalog.schema(for: LookupEnvelope<Model>.self) }
        return envelope(route.data)
    }

    static func lookupOperation(_ route: LookupRoute, _ catalog: SchemaCatalog) -> [String: Any] {
        var responses: [String: Any] = [
            "200": [
                "description": "The answer.",
                "headers": lookupHeaders,
                "content": ["application/json": ["schema": envelopeSchema(of: route, catalog)]],
            ],
            "304": ["$ref": "#/components/responses/NotModified"],
        ]
        for status in lookupErrorStatuses { responses[status] = lookupProblem(status) }
        var parameters = parameters(route.parameters, placeRequired: true)
        parameters.append(ifNoneMatch)
        return operation(
            route.path.dropFirst().replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "-", with: "_"),
            route.summary, parameters: parameters, responses: responses)
    }

    static func legacyOperation(_ catalog: SchemaCatalog) -> [String: Any] {
        var responses: [String: Any] = [
            "200": [
                "description": "Current weather in the origin service's flat shape.",
                "headers": lookupHeaders,
                "content": ["application/json": ["schema": catalog.schema(for: LegacyWeather.self)]],
            ],
            "304": ["$ref": "#/components/responses/NotModified"],
        ]
        for status in lookupErrorStatuses { responses[status] = lookupProblem(status) }
        return operation(
            "legacy_weather", "The origin service's route: current weather by city (alias of /v1/weather/current).",
            parameters: [
                [
                    "name": "city", "in": "path", "required": true,
                    "description": "City name: not blank, no slashes or control characters, not . or ..",
                    "schema": [
                        "type": "string", "maxLength": TextPattern.maximumNameLength,
                        "pattern": #"^(?!\.\.?$)[^/\\\x00-\x1f\x7f-\x9f]*[^\s/\\\x00-\x1f\x7f-\x9f][^/\\\x00-\x1f\x7f-\x9f]*$"#,
                    ],
                ],
                parameter(.units), ifNoneMatch,
            ], responses: responses)
    }

    static var ifNoneMatch: [String: Any] { [
        "name": "If-None-Match", "in": "header", "required": false, "schema": ["type": "string"],
        "description": "An ETag from an earlier answer: 304 when it is still current.",
    ] }

    static func problemDescription(_ status: String) -> String {
        switch status {
        case "400": "Invalid input; `parameter` names the offending query parameter."
        case "404": "Unknown place."
        case "422":
            "The query is well formed (its parameters match this document) but cannot be answered as asked: parameters that contradict one another (an end before its start), a time outside what the data covers, a range longer than one request may walk, or search text that names no place. `parameter` names the one at fault."
        case "414": "Query string too long."
        case "429":
            "Too many requests; see Retry-After. Either this client passed the per-client limit on uncached lookups (`client-rate-limited`: CLIENT_LIMIT_BURST at once, then CLIENT_LIMIT_RATE per second; cached answers are never limited), or our call budget or OpenWeather's rate limit refused and nothing stale exists."
        case "502": "Upstream answered garbage or refused the service's key."
        case "503": "Upstream unreachable."
        case "504": "Upstream timed out."
        default: "An error."
        }
    }

    static func operation(
        _ id: String, _ summary: String, parameters: [[String: Any]] = [], responses: [String: Any]
    ) -> [String: Any] {
        var operation: [String: Any] = ["operationId": id, "summary": summary, "responses": responses]
        if !parameters.isEmpty { operation["parameters"] = parameters }
        return operation
    }

    /// The parameters of `specs`; when they hold the place forms' parameters (``ParameterSpec/place``),
    /// those are one exploded object parameter, `place`, that is one of the ``PlaceForm``s.
    static func parameters(_ specs: [ParameterSpec], placeRequired: Bool) -> [[String: Any]] {
        let placeNames = Set(ParameterSpec.place.map(\.name))
        guard placeNames.isSubset(of: specs.map(\.name)) else { return specs.map(parameter) }
        return [placeParameter(required: placeRequired)] + specs.filter { !placeNames.contains($0.name) }.map(parameter)
    }

    /// The place as one object parameter written as its members (`?city=Oslo&country=NO`), which is
    /// exactly one of the forms: OpenAPI 3.1 query parameters cannot state "exactly one of these
    /// groups" any other way, and generators and fuzzers understand `oneOf` objects. The forms are
    /// components (`PlaceCity`, …), so a generated client has one `Place` type with a case per form.
    static func placeParameter(required: Bool) -> [String: Any] {
        [
            "name": "place", "in": "query", "required": required, "style": "form", "explode": true,
            "description":
                "The place, as exactly one of: city (with country, or with state and country), lat and lon, zip (with optional country), id. Its members are query parameters of their own: ?city=Oslo&country=NO.",
            "schema": ["$ref": "#/components/schemas/Place"],
        ]
    }

    /// `Place` and its forms (``PlaceForm``), from the place parameters' own specs.
    static var placeSchemas: [String: Any] {
        var schemas: [String: Any] = [:]
        for form in PlaceForm.all {
            var properties: [String: Any] = [:]
            for name in form.required + form.optional {
                let spec = ParameterSpec.placeParameter(name)
                var schema = valueSchema(spec.schema).merging(["description": spec.description]) { $1 }
                if form.optional.contains(name), let pattern = schema["pattern"] as? String {
                    schema["pattern"] = TextPattern.blankOr(pattern)
                }
                properties[name] = schema
            }
            for name in form.blankOnly {
                properties[name] = ["type": "string", "pattern": TextPattern.blank, "description": "Blank: this form takes none."]
            }
            schemas["Place" + form.title] = [
                "type": "object", "required": form.required, "properties": properties, "additionalProperties": false,
            ]
        }
        schemas["Place"] = [
            "description": "Exactly one way of naming a place.",
            "oneOf": PlaceForm.all.map { ["$ref": "#/components/schemas/Place\($0.title)"] },
        ]
        return schemas
    }

    static func parameter(_ spec: ParameterSpec) -> [String: Any] {
        [
            "name": spec.name, "in": "query", "required": spec.required, "description": spec.description,
            "schema": valueSchema(spec.schema),
        ]
    }

    /// The JSON Schema of a parameter's value.
    static func valueSchema(_ schema: ParameterSpec.Schema) -> [String: Any] {
        switch schema {
        case .text(let pattern, let maxLength):
            var text: [String: Any] = ["type": "string", "pattern": pattern]
            if let maxLength { text["maxLength"] = maxLength }
            return text
        case .number(let minimum, let maximum): return ["type": "number", "minimum": minimum, "maximum": maximum]
        case .integer(let minimum, let maximum): return ["type": "integer", "minimum": minimum, "maximum": maximum]
        case .choice(let values): return ["type": "string", "enum": values]
        case .date: return ["type": "string", "format": "date"]
        case .instant: return ["type": "string", "anyOf": [["format": "date-time"], ["format": "date"]]]
        }
    }

    static func header(_ description: String, _ schema: [String: Any]) -> [String: Any] {
        ["description": description, "schema": schema]
    }

    static func json(_ description: String, _ schema: [String: Any], noStore: Bool = false) -> [String: Any] {
        var headers = everyAnswerHeaders
        if noStore { headers["Cache-Control"] = header("no-store", ["type": "string", "const": "no-store"]) }
        return [
            "description": description,
            "headers": headers,
            "content": ["application/json": ["schema": schema]],
        ]
    }

    static func problem(_ description: String) -> [String: Any] {
        [
            "description": description,
            "headers": [
                "X-Request-Id": requestIDHeader,
                "X-Content-Type-Options": noSniffHeader,
                "Retry-After": header("Seconds to wait (429, 503).", ["type": "integer", "minimum": 1]),
                "Cache-Control": header("no-store", ["type": "string"]),
            ],
            "content": [
                "application/problem+json": ["schema": ["$ref": "#/components/schemas/\(problemComponent)"]]
            ],
        ]
    }

    /// The component every problem answer refers to (``Problem/ProblemDocument``).
    static let problemComponent = SchemaCatalog.componentName(of: Problem.ProblemDocument.self)

    /// The schemas of bodies written by hand rather than encoded from a type: `/health`'s (built
    /// from constants on the fast path) and the batch's.
    static func handWrittenSchemas(_ catalog: SchemaCatalog) -> [String: Any] {
        var schemas = batchSchemas(catalog).merging(placeSchemas) { $1 }
        schemas["Health"] = [
            "type": "object", "required": ["status", "version", "uptime_s", "mode", "cache"],
            "additionalProperties": false,
            "properties": [
                "status": ["type": "string", "enum": ["ok"]], "version": ["type": "string"],
                "uptime_s": ["type": "integer", "minimum": 0], "mode": ["type": "string", "enum": ["live", "demo"]],
                "cache": ["type": "string", "enum": ["redis", "memory"]],
            ],
        ]
        return schemas
    }
}
