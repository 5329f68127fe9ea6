import WeatherServerCore
import WeatherPages

extension OpenAPIDocument {
    /// `POST /v1/batch` (``BatchResponder``).
    static func batchOperation(_ catalog: SchemaCatalog) -> [String: Any] {
        let responses: [String: Any] = [
            "200": json(
                "One result per request target, in order: each its status, and its cache status, age and body, or its problem. Sent with Cache-Control: no-store.",
                ["$ref": "#/components/schemas/BatchResults"], noStore: true),
            "400": problem("The body is not {\"requests\": [...]} with 1 to 50 request targets."),
            "413": problem("The body is larger than 32 KiB."),
        ]
        var operation = operation(
            "batch",
            "Up to 50 lookups at once: each request target exactly what its GET /v1 route takes (the origin's /weather/{city} is no item: ask /v1/weather/current?city=…). The batch itself is answered 200, 400 or 413; budgets, upstream failures and deadlines are each item's own problem. Cached items cost nothing; misses are coalesced with concurrent identical lookups and charged like single lookups; an item refused by a budget gets its own 429 problem. Items unanswered within 10 s answer 504.",
            responses: responses)
        operation["requestBody"] = [
            "required": true,
            "content": ["application/json": ["schema": ["$ref": "#/components/schemas/BatchRequest"]]],
        ]
        return operation
    }

    /// The batch's request and answer bodies (written by hand around encoded bodies: ``BatchItemResult``);
    /// an item's body is the envelope of the lookup its target names.
    static func batchSchemas(_ catalog: SchemaCatalog) -> [String: Any] {
        var bodies: [[String: Any]] = []
        for route in LookupRoute.all {
            let schema = envelopeSchema(of: route, catalog)
            if !bodies.contains(where: { $0["$ref"] as? String == schema["$ref"] as? String }) { bodies.append(schema) }
        }
        return [
            "BatchRequest": [
                "type": "object", "required": ["requests"],
                "properties": [
                    "requests": [
                        "type": "array", "minItems": 1, "maxItems": 50,
                        "items": [
                            // No pattern: a target that is no lookup is that item's 404 problem,
                            // not a refused batch, so the schema must not call it invalid.
                            "type": "string",
                            "description":
                                "A /v1 lookup's request target, e.g. /v1/weather/current?city=Bergen&country=NO; anything else (the origin's /weather/{city} included) is that item's 404 problem.",
                        ],
                    ]
                ],
            ],
            "BatchResults": [
                "type": "object", "required": ["results"],
                "properties": [
                    "results": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["status"], "additionalProperties": false,
                            "properties": [
                                "status": ["type": "integer"],
                                "cache": ["type": "string", "enum": ["HIT", "MISS", "STALE", "REVALIDATED"]],
                                "age_s": ["type": "integer", "minimum": 0],
                                "body": ["anyOf": bodies],
                                "problem": ["$ref": "#/components/schemas/\(problemComponent)"],
                            ],
                        ],
                    ]
                ],
            ],
        ]
    }
}
