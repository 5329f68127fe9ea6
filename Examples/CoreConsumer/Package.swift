// swift-tools-version:6.2
import PackageDescription

// A package that depends on weather-tracker for its library alone: WeatherCore and WeatherTesting, with no
// trait, so none of the service's dependencies (Hummingbird, NIO, Redis, libcurl, …) are resolved or built.
// scripts/consumer-check.sh builds it from nothing and counts the packages it resolved.
let package = Package(
    name: "CoreConsumer",
    platforms: [.macOS(.v15)],
    dependencies: [
        // From a registry or git this is `.package(url: "…/weather-tracker", from: "…", traits: [])`; add the
        // `AsyncHTTPClient` trait for WeatherAsyncHTTPClient.
        .package(name: "weather-tracker", path: "../..", traits: [])
    ],
    targets: [
        .executableTarget(
            name: "CoreConsumer",
            dependencies: [
                .product(name: "WeatherCore", package: "weather-tracker"),
                .product(name: "WeatherTesting", package: "weather-tracker"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    ]
)
