// GET-hit throughput of RedisCacheStore against `redis-benchmark` on the same server, in one run.
//
//   swift build -c release --package-path Benchmarks --product RedisBenchmark
//   Benchmarks/.build/release/RedisBenchmark [--url redis://127.0.0.1:6399/0] [-n 50000] [--rounds 3] [--concurrency 16]
//       [--tls-url rediss://localhost:6400/0 --tls-ca FILE]     (scripts/redis-test-server.sh start-tls prints both)
//
// With a TLS URL each round also runs the same loops over TLS (the store's OpenSSL relay) and
// `redis-benchmark --tls`, and the TLS row is reported beside the plain one, as a ratio of it.
//
// Both sides GET the same key (`key:__rand_int__`, the key redis-benchmark uses without -r),
// holding a value of the same size, so every GET is a hit and moves the same bytes.
import Foundation
import WeatherCache
import WeatherCore

struct Options {
    var url = ProcessInfo.processInfo.environment["REDIS_TEST_URL"] ?? "redis://127.0.0.1:6399/0"
    var requests = 50_000
    var rounds = 3
    var concurrency = 16
    var poolSize = 4
    /// `cooperative` or `executor`: only that loop, no redis-benchmark (for `perf stat`).
    var only: String?
    /// A `rediss://` URL for the TLS row (`REDIS_TLS_URL`); none skips it.
    var tlsURL = ProcessInfo.processInfo.environment["REDIS_TLS_URL"]
    /// The CA that signed the TLS server's certificate (`REDIS_TLS_CA_FILE`); none trusts the system's.
    var tlsCA = ProcessInfo.processInfo.environment["REDIS_TLS_CA_FILE"]

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--url": url = iterator.next() ?? url
            case "-n": requests = iterator.next().flatMap(Int.init) ?? requests
            case "--rounds": rounds = iterator.next().flatMap(Int.init) ?? rounds
            case "--concurrency": concurrency = iterator.next().flatMap(Int.init) ?? concurrency
            case "--pool": poolSize = iterator.next().flatMap(Int.init) ?? poolSize
            case "--only": only = iterator.next()
            case "--tls-url": tlsURL = iterator.next()
            case "--tls-ca": tlsCA = iterator.next()
            default:
                FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

/// Runs `redis-benchmark -t get -P 1 -c clients -n requests -d size --csv` and returns its requests/s.
func redisBenchmark(_ configuration: RedisCacheStore.Configuration, clients: Int, requests: Int, size: Int) throws
    -> Double
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    var arguments = [
        "redis-benchmark", "-h", configuration.host, "-p", String(configuration.port), "-t", "get", "-c",
        String(clients), "-P", "1", "-n", String(requests), "-d", String(size), "--dbnum",
        String(configuration.database), "--csv",
    ]
    if let tls = configuration.tls {
        arguments += ["--tls", "--sni", configuration.host]
        if let ca = tls.caFile { arguments += ["--cacert", ca] }
    }
    if let password = configuration.password { arguments += ["-a", password] }
    if let username = configuration.username { arguments += ["--user", username] }
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    // --csv: a header line, then "GET","<rps>",…
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("\"GET\"") {
        let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        if fields.count > 1, let rps = Double(fields[1]) { return rps }
    }
    throw WeatherError(code: .unexpectedResponse, message: "could not read redis-benchmark's output")
}

/// `requests` sequential GETs spread over `concurrency` tasks; returns operations per second.
func storeGets(_ store: RedisCacheStore, key: CacheKey, requests: Int, concurrency: Int) async throws -> Double {
    let perTask = requests / concurrency
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<concurrency {
            group.addTask {
                for _ in 0..<perTask {
                    guard try await store.get(key) != nil else { fatalError("expected a hit") }
                }
            }
        }
        try await group.waitForAll()
    }
    let elapsed = (ContinuousClock.now - start).components
    return Double(perTask * concurrency) / (Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func format(_ value: Double) -> String { String(format: "%9.0f", value) }

let options = Options(arguments: CommandLine.arguments)
var configuration = try RedisCacheStore.Configuration(url: options.url)
configuration.keyPrefix = ""
configuration.commandTimeout = .seconds(2)
let key = CacheKey(rawValue: "key:__rand_int__")
let now = Date()
let entry = CacheEntry(
    body: Array(repeating: UInt8(ascii: "x"), count: 64), fetchedAt: now, freshUntil: now + 3600,
    staleUntil: now + 7200
)
let valueSize = entry.serialized().count

configuration.poolSize = 1
let single = RedisCacheStore(configuration: configuration)
try await single.set(key, to: entry, ttl: .seconds(3600))
_ = try await storeGets(single, key: key, requests: 2_000, concurrency: 1)  // warm up

var tlsSingle: RedisCacheStore?
if let tlsURL = options.tlsURL {
    var tlsConfiguration = try RedisCacheStore.Configuration(url: tlsURL)
    tlsConfiguration.tls?.caFile = options.tlsCA
    tlsConfiguration.keyPrefix = ""
    tlsConfiguration.commandTimeout = .seconds(2)
    tlsConfiguration.connectTimeout = .seconds(2)
    tlsConfiguration.poolSize = 1
    let store = RedisCacheStore(configuration: tlsConfiguration)
    try await store.set(key, to: entry, ttl: .seconds(3600))
    _ = try await storeGets(store, key: key, requests: 2_000, concurrency: 1)  // warm up
    tlsSingle = store
}

print("Redis \(configuration) — value \(valueSize) bytes, \(options.requests) GETs per run, \(options.rounds) rounds")
var fromPool: [Double] = []
var onConnection: [Double] = []
var theirs: [Double] = []
var tlsFromPool: [Double] = []
var tlsOnConnection: [Double] = []
var tlsTheirs: [Double] = []
let executor = single.connectionExecutor()
if let only = options.only {
    let rate: Double
    if only == "executor" {
        let executor = single.connectionExecutor()
        rate = try await withTaskExecutorPreference(executor) {
            try await storeGets(single, key: key, requests: options.requests, concurrency: 1)
        }
    } else {
        rate = try await storeGets(single, key: key, requests: options.requests, concurrency: 1)
    }
    print("\(only): \(format(rate)) ops/s")
    await single.shutdown()
    exit(0)
}
for round in 1...options.rounds {
    let a = try await storeGets(single, key: key, requests: options.requests, concurrency: 1)
    let b = try await withTaskExecutorPreference(executor) {
        try await storeGets(single, key: key, requests: options.requests, concurrency: 1)
    }
    let c = try redisBenchmark(configuration, clients: 1, requests: options.requests, size: valueSize)
    fromPool.append(a)
    onConnection.append(b)
    theirs.append(c)
    print(
        "round \(round): RedisCacheStore 1 conn, caller on the cooperative pool \(format(a)) ops/s;"
            + " caller on the connection's executor \(format(b)) ops/s; redis-benchmark -c 1 -P 1 \(format(c)) req/s"
    )
    if let tls = tlsSingle {
        let d = try await storeGets(tls, key: key, requests: options.requests, concurrency: 1)
        let e = try await withTaskExecutorPreference(tls.connectionExecutor()) {
            try await storeGets(tls, key: key, requests: options.requests, concurrency: 1)
        }
        let f = try redisBenchmark(tls.configuration, clients: 1, requests: options.requests, size: valueSize)
        tlsFromPool.append(d)
        tlsOnConnection.append(e)
        tlsTheirs.append(f)
        print(
            "round \(round), TLS: cooperative pool \(format(d)) ops/s; connection's executor \(format(e)) ops/s;"
                + " redis-benchmark --tls -c 1 -P 1 \(format(f)) req/s"
        )
    }
}
let reference1 = median(theirs)
func percent(_ value: Double, of reference: Double) -> String { String(format: "%.1f%%", value / reference * 100) }
print("one connection, one caller, medians of \(options.rounds) rounds:")
print("  redis-benchmark -t get -c 1 -P 1                   \(format(median(theirs))) req/s")
print(
    "  RedisCacheStore, caller on the cooperative pool    \(format(median(fromPool))) ops/s = \(percent(median(fromPool), of: reference1))"
)
print(
    "  RedisCacheStore, caller on connectionExecutor()    \(format(median(onConnection))) ops/s"
        + " = \(percent(median(onConnection), of: reference1))"
)
// The machine is shared: each round's three runs follow each other closely, so the median of
// the per-round ratios is less sensitive to load changing between rounds.
let poolRatios = zip(fromPool, theirs).map { $0 / $1 }
let executorRatios = zip(onConnection, theirs).map { $0 / $1 }
print(
    "  median of per-round ratios: cooperative pool \(String(format: "%.1f%%", median(poolRatios) * 100)),"
        + " connectionExecutor() \(String(format: "%.1f%%", median(executorRatios) * 100))"
)

if tlsSingle != nil {
    // TLS over plain, per round (the two ran back to back), then the median of those ratios.
    func ratio(_ tls: [Double], _ plain: [Double]) -> String {
        String(format: "%.1f%%", median(zip(tls, plain).map { $0 / $1 }) * 100)
    }
    print("TLS (rediss://, one connection, one caller), medians of \(options.rounds) rounds; TLS as a share of plain:")
    print("  redis-benchmark --tls -c 1 -P 1                    \(format(median(tlsTheirs))) req/s = \(ratio(tlsTheirs, theirs))")
    print(
        "  RedisCacheStore, caller on the cooperative pool    \(format(median(tlsFromPool))) ops/s = \(ratio(tlsFromPool, fromPool))"
    )
    print(
        "  RedisCacheStore, caller on connectionExecutor()    \(format(median(tlsOnConnection))) ops/s"
            + " = \(ratio(tlsOnConnection, onConnection))"
    )
}

let pipelined = try await storeGets(single, key: key, requests: options.requests, concurrency: options.concurrency)
print("one connection, \(options.concurrency) concurrent callers (auto-pipelined): \(format(pipelined)) ops/s")
if let tls = tlsSingle {
    let tlsPipelined = try await storeGets(tls, key: key, requests: options.requests, concurrency: options.concurrency)
    print(
        "one connection over TLS, \(options.concurrency) concurrent callers (auto-pipelined): \(format(tlsPipelined)) ops/s"
            + " = \(String(format: "%.1f%%", tlsPipelined / pipelined * 100)) of plain"
    )
    await tls.shutdown()
}
await single.shutdown()

configuration.poolSize = options.poolSize
let pooled = RedisCacheStore(configuration: configuration)
_ = try await storeGets(pooled, key: key, requests: 2_000, concurrency: options.concurrency)
let pool = try await storeGets(pooled, key: key, requests: options.requests, concurrency: options.concurrency)
let reference = try redisBenchmark(
    configuration, clients: options.concurrency, requests: options.requests, size: valueSize)
print(
    "pool of \(options.poolSize), concurrency \(options.concurrency): \(format(pool)) ops/s"
        + "   (redis-benchmark -c \(options.concurrency) -P 1: \(format(reference)) req/s)"
)
await pooled.shutdown()
