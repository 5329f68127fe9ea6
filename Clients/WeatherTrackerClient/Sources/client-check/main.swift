// client-check: checks that the committed openapi.json is the document a running weather-tracker
// serves, then calls every operation through the generated client and checks that each answer has
// the expected status and decodes into the generated type.
//
//     client-check [BASE_URL] [--document PATH]
//
// BASE_URL defaults to $WEATHER_TRACKER_URL, then http://127.0.0.1:8000; PATH to this package's
// openapi.json. One line per call, a summary, exit status 1 on any failure.
import AsyncHTTPClient
import Foundation
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import WeatherTrackerClient

/// The command that regenerates the client, named when the document has drifted.
let regenerate = "Clients/WeatherTrackerClient/generate.sh"

var arguments = Array(CommandLine.arguments.dropFirst())
var documentPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("openapi.json").path
if let flag = arguments.firstIndex(of: "--document"), flag + 1 < arguments.count {
    documentPath = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}
let base = arguments.first ?? ProcessInfo.processInfo.environment["WEATHER_TRACKER_URL"] ?? "http://127.0.0.1:8000"
guard let serverURL = URL(string: base) else {
    print("client-check: not a URL: \(base)")
    exit(2)
}

let recorder = StatusRecorder()
let client = Client(
    serverURL: serverURL,
    transport: AsyncHTTPClientTransport(configuration: .init(client: HTTPClient.shared)),
    middlewares: [recorder, VerbatimETagMiddleware()]
)

/// Every failure so far, each printed as it happened.
var failures: [String] = []

/// Records and prints one failure.
@MainActor func fail(_ line: String) {
    failures.append(line)
    print("FAIL " + line)
}

// The committed document: what the client was generated from.
let committed: OpenAPIObjectContainer
do {
    committed = try JSONDecoder().decode(OpenAPIObjectContainer.self, from: Data(contentsOf: URL(fileURLWithPath: documentPath)))
} catch {
    print("FAIL cannot read the committed document \(documentPath): \(error)")
    exit(1)
}

// 1. The committed document is the one the service serves: a stale copy is named first, since it
//    explains any failure below.
do {
    let served = try await client.openapi().ok.body.json
    let differences = JSONDifference.paths(served, committed)
    if differences.isEmpty {
        print("ok   the committed openapi.json is the document \(base)/openapi.json serves")
    } else {
        fail("the committed openapi.json is not the served document; regenerate with \(regenerate)")
        for difference in differences { print("     \(difference)") }
    }
} catch {
    fail("GET /openapi.json: \(error)")
}

// 2. Every call of the table.
let clock = ContinuousClock()
for check in Checks.all {
    recorder.forget(check.operationID)
    let started = clock.now
    let what = check.label.isEmpty ? check.operationID : "\(check.operationID) \(check.label)"
    do {
        let output = try await check.call(client)
        let inspection = try await OutputInspector.inspect(output)
        let milliseconds = Int((clock.now - started) / .milliseconds(1))
        guard let answer = recorder.answer(to: check.operationID) else {
            fail("\(what): no answer was recorded")
            continue
        }
        let line = "\(what) → \(answer.status) \(inspection.response): \(inspection.body) (\(milliseconds) ms)"
        if inspection.response == "undocumented" {
            fail("\(line): status \(answer.status) is not in the document for this operation")
        } else if answer.status != check.status {
            fail("\(line): expected \(check.status)")
        } else {
            print("ok   " + line)
        }
    } catch {
        fail("\(what): \(error)")
    }
}

// 3. Every operation of the committed document was called.
let documented = Set(
    ((committed.value["paths"] as? [String: (any Sendable)?]) ?? [:]).values.flatMap { item in
        ((item as? [String: (any Sendable)?]) ?? [:]).values.compactMap { ($0 as? [String: (any Sendable)?])?["operationId"] as? String }
    })
let called = Set(Checks.all.map(\.operationID))
for missing in documented.subtracting(called).sorted() { fail("\(missing): an operation of the document that client-check does not call") }

print(
    failures.isEmpty
        ? "client-check: passed: \(Checks.all.count) calls of all \(documented.count) operations answered as documented and decoded"
        : "client-check: FAILED: \(failures.count) failure(s) in \(Checks.all.count) calls of \(documented.count) operations")
exit(failures.isEmpty ? 0 : 1)
