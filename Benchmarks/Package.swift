// swift-tools-version:6.1
import PackageDescription

/// The same settings block as the root package: Swift 6 language mode, strict concurrency.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// Benchmarks for weather-tracker, kept out of the root package so that their dependencies
/// never reach the library's users. Each benchmark is its own executable target; add yours
/// to `dependencies` and `targets` below.
///
///     swift build -c release --package-path Benchmarks
///     Benchmarks/.build/release/DecodeBenchmark
let package = Package(
    name: "weather-tracker-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named explicitly so it resolves whatever the checkout folder is called.
        .package(name: "weather-tracker", path: "../"),
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
    ]
)
