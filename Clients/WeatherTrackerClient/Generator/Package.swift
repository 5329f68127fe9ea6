// swift-tools-version:6.1
import PackageDescription

/// Only a pin: swift-openapi-generator at exactly the version the committed client was generated
/// with, run by `../generate.sh` as `swift run --package-path Generator swift-openapi-generator`.
/// Kept apart from the client package so that neither its users nor CI ever build the generator.
let package = Package(
    name: "weather-tracker-client-generator",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    ],
    targets: []
)
