/// The stub's own endpoints under `/__stub/`, so tests in any language (and the service's fault
/// scripts) can drive a standalone stub over HTTP. None of them is counted in the stats.
///
/// | request | effect | answer |
/// |---|---|---|
/// | `GET /__stub/stats` | — | the counters (``StubStats/json``) |
/// | `GET /__stub/calls` | — | `{"calls":[[ms, path], …]}`: when each counted request arrived (ms since 1970), oldest first |
/// | `POST /__stub/reset` | zeroes the counters and the call log (faults stay) | the zeroed counters |
/// | `GET /__stub/faults` | — | the rules in force, `times` being what is left |
/// | `PUT /__stub/faults` | replaces every rule with the JSON array sent | the rules in force |
/// | `POST /__stub/faults` | adds the rules sent after the others | the rules in force |
/// | `DELETE /__stub/faults` | removes every rule | `[]` |
///
/// The rule format is ``FaultRule``'s JSON form (`FaultRule+JSON.swift`). A body that is not a
/// valid list of rules is refused with 400 and a message naming the rule and field, and no rule
/// changes; a method an endpoint does not take gets 405 with `Allow`.
enum StubControl {
    /// Where the control endpoints live.
    static let prefix = "/__stub/"
    /// The largest request body read; longer ones are refused with 413.
    static let maxBodyBytes = 1 << 20

    /// The answer to `method path` with `body`, after applying its effect to `state`.
    static func respond(method: String, path: String, body: [UInt8], state: StubState) -> StubResponse {
        let route = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        switch (route, method) {
        case ("/__stub/stats", "GET"):
            return .json(state.snapshot.json)
        case ("/__stub/calls", "GET"):
            return .json(state.callLogJSON)
        case ("/__stub/reset", "POST"):
            state.resetStats()
            return .json(state.snapshot.json)
        case ("/__stub/faults", "GET"):
            return .json(FaultRule.json(state.faultRules))
        case ("/__stub/faults", "PUT"), ("/__stub/faults", "POST"):
            guard body.count < maxBodyBytes else { return problem(413, "the body is larger than 1 MiB") }
            do {
                let rules = try FaultRule.rules(fromJSON: body)
                if method == "PUT" { state.replaceFaults(with: rules) } else { rules.forEach(state.add) }
                return .json(FaultRule.json(state.faultRules))
            } catch {
                return problem(400, error.description)
            }
        case ("/__stub/faults", "DELETE"):
            state.clearFaults()
            return .json(FaultRule.json(state.faultRules))
        case ("/__stub/stats", _): return notAllowed("GET")
        case ("/__stub/reset", _): return notAllowed("POST")
        case ("/__stub/calls", _): return notAllowed("GET")
        case ("/__stub/faults", _): return notAllowed("GET, PUT, POST, DELETE")
        default:
            return problem(
                404, "no stub endpoint \(route); there are /__stub/stats, /__stub/calls, /__stub/reset and /__stub/faults")
        }
    }

    private static func notAllowed(_ allow: String) -> StubResponse {
        var response = problem(405, "method not allowed here; allowed: \(allow)")
        response.extraHeaders.append(("Allow", allow))
        return response
    }

    /// `{"error": message}` with `status`.
    private static func problem(_ status: Int, _ message: String) -> StubResponse {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("error", message)
        writer.endObject()
        return StubResponse(status: status, body: writer.text)
    }
}
