package import Foundation
package import WeatherCore

/// One lookup route of the API: its path, its parameters, and how a validated query becomes a
/// lookup through ``WeatherClient`` and an encoded body. The router, the near-cache and the
/// OpenAPI document all read the same table (``LookupRoute/all``), so they cannot drift apart.
package struct LookupRoute: Sendable {
    /// The route path, e.g. `/v1/weather/current`.
    package var path: String
    /// One line for the OpenAPI document.
    package var summary: String
    /// The endpoint family whose cache policy sets the `Cache-Control` stale windows.
    package var family: EndpointFamily
    /// The query parameters taken; any other is refused with 400.
    package var parameters: [ParameterSpec]
    /// The type of the `data` member (the OpenAPI document derives its schema from it).
    package var data: any (Codable & Sendable).Type
    /// Turns a parsed query into a plan, or a 400; the time is the request's (bounds such as "no
    /// later than 4 days ahead" depend on it).
    package var plan: @Sendable (QueryString, Date) throws(Problem) -> LookupPlan

    /// The names in ``parameters``.
    package var parameterNames: Set<String> { Set(parameters.map(\.name)) }
}

/// A validated lookup: the near-cache key of the question, and how to answer it.
package struct LookupPlan: Sendable {
    /// The normalized question: place, route parameters, units and language.
    package var key: String
    /// Asks the client and encodes the answer.
    package var fetch: @Sendable (WeatherClient) async throws -> LookupOutcome

    /// A plan answering the question `key` with `fetch`.
    package init(key: String, fetch: @escaping @Sendable (WeatherClient) async throws -> LookupOutcome) {
        self.key = key
        self.fetch = fetch
    }
}

/// An answered lookup: where it came from, and how to encode its body.
package struct LookupOutcome: Sendable {
    package var status: CacheStatus
    package var fetchedAt: Date
    package var freshUntil: Date
    private let encode: @Sendable (ServiceMode) throws -> [UInt8]
    private let encodeMiss: (@Sendable (ServiceMode) throws -> [UInt8])?

    /// `result` to be encoded in the envelope `{"data": …, "fetched_at": …, "mode": …, "units": …, "place": …}`.
    package init<Model: Encodable & Sendable>(_ result: WeatherResult<Model>, units: UnitSystem?, place: String? = nil) {
        status = result.cacheStatus
        fetchedAt = result.fetchedAt
        freshUntil = result.freshUntil
        encode = { mode in
            let envelope = LookupEnvelope(
                data: result.value, fetchedAt: result.fetchedAt, mode: mode.bodyMarker, units: units?.rawValue,
                place: place)
            return try ServiceJSON.encode(envelope, units: units ?? .standard)
        }
        encodeMiss = nil
    }

    /// `result` encoded by `encode`, and for the asker whose request was the miss by `encodeMiss`
    /// when that asker gets a body of its own (the legacy route's `cached: false`).
    package init<Model: Sendable>(
        _ result: WeatherResult<Model>, encode: @escaping @Sendable (Model, ServiceMode) throws -> [UInt8],
        encodeMiss: (@Sendable (Model, ServiceMode) throws -> [UInt8])? = nil
    ) {
        status = result.cacheStatus
        fetchedAt = result.fetchedAt
        freshUntil = result.freshUntil
        self.encode = { mode in try encode(result.value, mode) }
        if let encodeMiss {
            self.encodeMiss = { mode in try encodeMiss(result.value, mode) }
        } else {
            self.encodeMiss = nil
        }
    }

    /// The body, as the service in `mode` answers it.
    package func body(in mode: ServiceMode) throws -> [UInt8] { try encode(mode) }

    /// The body of the asker whose request was the miss, when it differs from ``body(in:)``.
    package func missBody(in mode: ServiceMode) throws -> [UInt8]? { try encodeMiss?(mode) }
}

/// The body of every `/v1` lookup.
package struct LookupEnvelope<Model: Encodable>: Encodable {
    /// The model, every quantity named by its unit.
    package var data: Model
    /// When upstream answered.
    package var fetchedAt: Date
    /// `demo` when the weather is synthetic; absent for real weather.
    package var mode: String?
    /// The unit system quantities are written in (absent for geocoding).
    package var units: String?
    /// The resolved place name, when the route resolved a city, zip or id to coordinates.
    package var place: String?
}

/// Read back by the OpenAPI document's ``SchemaCatalog``, which derives the schema from it.
extension LookupEnvelope: Decodable where Model: Decodable {}
