// swift-tools-version:6.1
import PackageDescription

/// The same settings block as the root package: Swift 6 language mode, strict concurrency.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// Benchmarks for weather-tracker, kept out of the root package so that their dependencies
/// (AsyncHTTPClient, the malloc interposer) never reach the library's users. Each benchmark is
/// its own executable target; add yours to `dependencies` and `targets` below.
///
///     swift build -c release --package-path Benchmarks
///     Benchmarks/.build/release/DecodeBenchmark
///     Benchmarks/.build/release/TransportBenchmark
///     Benchmarks/.build/release/RedisBenchmark
let package = Package(
    name: "weather-tracker-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The parent package; named explicitly so the checkout folder's name does not matter.
        .package(name: "weather-tracker", path: "../"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Not used by a benchmark: CI builds the typed client's `client-check` here
        // (`swift build --package-path Benchmarks --product client-check`, scripts/client-check.sh),
        // so that AsyncHTTPClient, NIO and BoringSSL are compiled once for both.
        .package(name: "weather-tracker-client", path: "../Clients/WeatherTrackerClient"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.24.0"),
        // Counts allocations (LD_PRELOAD on Linux) for DecodeAllocCounter.
        .package(url: "https://github.com/ordo-one/malloc-interposer", from: "1.6.1"),
    ],
    targets: [
        // Decode throughput: WeatherCore against Foundation's JSONDecoder, same payloads, same run.
        .target(
            name: "DecodeBenchmarkKit",
            dependencies: [.product(name: "WeatherCore", package: "weather-tracker")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "DecodeBenchmark",
            dependencies: ["DecodeBenchmarkKit"],
            swiftSettings: swiftSettings
        ),
        // Run by DecodeBenchmark in a child process with the interposer preloaded, so that the
        // timed process itself never goes through a counting malloc.
        .executableTarget(
            name: "DecodeAllocCounter",
            dependencies: [
                "DecodeBenchmarkKit",
                .product(name: "MallocInterposerSwift", package: "malloc-interposer"),
            ],
            swiftSettings: swiftSettings
        ),
        // The warm-hit path: WeatherClient answering from MemoryCacheStore (get + decode).
        .executableTarget(
            name: "WarmHitBenchmark",
            dependencies: [
                .product(name: "WeatherCore", package: "weather-tracker"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        // GET-hit throughput of RedisCacheStore, side by side with redis-benchmark.
        .executableTarget(
            name: "RedisBenchmark",
            dependencies: [
                .product(name: "WeatherCache", package: "weather-tracker"),
                .product(name: "WeatherCore", package: "weather-tracker"),
            ],
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),
        // CurlTransport vs AsyncHTTPClient against OpenWeatherStub on loopback.
        .executableTarget(
            name: "TransportBenchmark",
            dependencies: [
                .product(name: "WeatherCore", package: "weather-tracker"),
                .product(name: "WeatherHTTP", package: "weather-tracker"),
                .product(name: "OpenWeatherStub", package: "weather-tracker"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
