// swift-tools-version:6.1
import PackageDescription

/// Benchmarks for weather-tracker, kept out of the main package so that its users never
/// resolve the benchmark-only dependencies (AsyncHTTPClient).
///
/// Build and run: `swift run -c release --package-path Benchmarks TransportBenchmark`.
/// To add a benchmark: add an `.executableTarget` below and list what it needs.

/// The same settings block as the main package.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "weather-tracker-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The parent package; named explicitly so the checkout folder's name does not matter.
        .package(name: "weather-tracker", path: "../"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.24.0"),
    ],
    targets: [
        // CurlTransport vs AsyncHTTPClient against OpenWeatherStub on loopback.
        .executableTarget(
            name: "TransportBenchmark",
            dependencies: [
                .product(name: "WeatherCore", package: "weather-tracker"),
                .product(name: "WeatherHTTP", package: "weather-tracker"),
                .product(name: "OpenWeatherStub", package: "weather-tracker"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ],
            swiftSettings: swiftSettings
        )
    ]
)
