// swift-tools-version:6.1
import PackageDescription

/// The same settings block as the root package: Swift 6 language mode, strict concurrency.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// libFuzzer targets — WeatherCore's decoders, the service's request parsing and its configuration
/// parser — kept out of the root package so that its
/// sanitizer build never touches the main build. Build and run it with `scripts/fuzz.sh`:
///
///     swift build -c release --sanitize=fuzzer --sanitize=address --package-path Fuzz
let package = Package(
    name: "weather-tracker-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named explicitly so it resolves whatever the checkout folder is called.
        .package(name: "weather-tracker", path: "../")
    ],
    targets: [
        .executableTarget(
            name: "DecodeFuzzer",
            dependencies: [.product(name: "WeatherCore", package: "weather-tracker")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RequestFuzzer",
            dependencies: [.product(name: "WeatherServerFuzzing", package: "weather-tracker")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ConfigurationFuzzer",
            dependencies: [.product(name: "WeatherServerFuzzing", package: "weather-tracker")],
            swiftSettings: swiftSettings
        ),
    ]
)
