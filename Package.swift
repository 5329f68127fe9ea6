// swift-tools-version:6.2
import PackageDescription

/// One settings block for every target: Swift 6 language mode, strict concurrency, upcoming features.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// swift-http-types: the HTTP currency types WeatherCore's transport protocol speaks.
let httpTypes: Target.Dependency = .product(name: "HTTPTypes", package: "swift-http-types")
/// swift-service-lifecycle: the long-lived adapters (curl, Redis) and the stub are its `Service`s.
let serviceLifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
/// swift-distributed-tracing's API: spans without a backend (a no-op until the service bootstraps one).
let tracing: Target.Dependency = .product(name: "Tracing", package: "swift-distributed-tracing")
let serviceLifecycleTestKit: Target.Dependency = .product(
    name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle")

let package = Package(
    name: "weather-tracker",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "WeatherCore", targets: ["WeatherCore"]),
        .library(name: "WeatherHTTP", targets: ["WeatherHTTP"]),
        .library(name: "WeatherCache", targets: ["WeatherCache"]),
        .library(name: "WeatherTesting", targets: ["WeatherTesting"]),
        .library(name: "OpenWeatherStub", targets: ["OpenWeatherStub"]),
        .library(name: "WeatherServer", targets: ["WeatherServer"]),
        // The service's parsers for the libFuzzer targets in Fuzz/ (not for applications).
        .library(name: "WeatherServerFuzzing", targets: ["WeatherServerFuzzing"]),
        .executable(name: "weather-tracker", targets: ["weather-tracker"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.24.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // FullFoundation only: the ConfigurationSupport trait would pull swift-configuration, which we do not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `swift package generate-documentation` (scripts/docs.sh): a command plugin, linked into no target.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Tracing API (pure Swift, no NIO): WeatherCore's upstream spans, the server's and adapters' spans.
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        // W3C trace context (traceparent, tracestate, ids) for the OTLP tracer: pure Swift, no NIO.
        .package(url: "https://github.com/swift-otel/swift-w3c-trace-context.git", from: "1.0.0"),
    ],
    targets: [
        // The pure domain: no I/O, no adapters, no C modules; HTTP currency types from swift-http-types, and the
        // Tracing API (Instrumentation + ServiceContext only, no NIO) for a span per upstream attempt.
        .target(name: "WeatherCore", dependencies: [httpTypes, tracing], swiftSettings: swiftSettings),

        // C libraries, wrapped as system libraries with typed shims for their variadic calls.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CHiredis",
            pkgConfig: "hiredis",
            providers: [.apt(["libhiredis-dev"])]
        ),

        // TLS for hiredis 0.14 (which has none): OpenSSL from Debian's libssl-dev, bridged to hiredis
        // through a socketpair (see Sources/CRedisTLS/redis_tls.c for why).
        .target(
            name: "CRedisTLS",
            linkerSettings: [.linkedLibrary("ssl"), .linkedLibrary("crypto")]
        ),

        // Adapters, one per library; each is a swift-service-lifecycle Service the service's ServiceGroup runs.
        .target(
            name: "WeatherHTTP", dependencies: ["WeatherCore", "CCurl", httpTypes, serviceLifecycle],
            swiftSettings: swiftSettings),
        .target(
            name: "WeatherCache", dependencies: ["WeatherCore", "CHiredis", "CRedisTLS", serviceLifecycle],
            swiftSettings: swiftSettings),

        // Shipped test kit: fakes and fixtures, depends only on the core.
        .target(name: "WeatherTesting", dependencies: ["WeatherCore", httpTypes], swiftSettings: swiftSettings),

        // One NIO handler for the stub and the service: raw UTF-8 in a request target, percent-encoded.
        .target(
            name: "RequestTargetEncoding", dependencies: [.product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: swiftSettings),

        // Embedded OpenWeather-compatible server for tests, benchmarks and demo mode.
        .target(
            name: "OpenWeatherStub",
            dependencies: [
                "RequestTargetEncoding",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                serviceLifecycle,
            ],
            swiftSettings: swiftSettings
        ),

        // The service as a library: routes, near-cache, problems, configuration, health, metrics, OpenAPI.
        .target(
            name: "WeatherServer",
            dependencies: [
                "WeatherCore", "WeatherHTTP", "WeatherCache", "OpenWeatherStub", "RequestTargetEncoding", httpTypes,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                tracing,
            ],
            swiftSettings: swiftSettings
        ),

        // The OTLP/HTTP tracer and span exporter `serve` bootstraps when tracing is on, over any HTTPTransport
        // (a curl transport of its own, two connections, so exports never take one from a lookup); the
        // other libraries record spans through the Tracing API only.
        .target(
            name: "OTLPTracing",
            dependencies: [
                "WeatherCore", httpTypes, serviceLifecycle, tracing,
                .product(name: "W3CTraceContext", package: "swift-w3c-trace-context"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // Entry points of Fuzz/'s request and configuration targets; reaches `package` parsers.
        .target(name: "WeatherServerFuzzing", dependencies: ["WeatherServer"], swiftSettings: swiftSettings),

        .executableTarget(
            name: "weather-tracker",
            dependencies: [
                "WeatherCore", "WeatherHTTP", "WeatherCache", "OpenWeatherStub", "WeatherServer", "OTLPTracing",
                httpTypes, .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        // The README's library example: compiled by every build so it cannot rot.
        .executableTarget(
            name: "LibraryExample",
            dependencies: ["WeatherCore", "WeatherHTTP", "WeatherCache", "WeatherTesting"],
            path: "Examples/LibraryExample",
            swiftSettings: swiftSettings
        ),

        // Test support shared by the Redis-backed test targets: a TLS redis-server and its certificates.
        .target(name: "RedisTestSupport", path: "Tests/RedisTestSupport", swiftSettings: swiftSettings),

        .testTarget(
            name: "WeatherCoreTests",
            dependencies: ["WeatherCore", "WeatherTesting", httpTypes],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WeatherTestingTests", dependencies: ["WeatherTesting", httpTypes], swiftSettings: swiftSettings),
        .testTarget(
            name: "WeatherHTTPTests",
            dependencies: [
                "WeatherHTTP", "OpenWeatherStub", "WeatherTesting", "RedisTestSupport", httpTypes,
                serviceLifecycleTestKit,
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WeatherCacheTests",
            dependencies: ["WeatherCache", "WeatherTesting", "RedisTestSupport", httpTypes, serviceLifecycleTestKit],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WeatherServerTests",
            dependencies: [
                "WeatherServer", "WeatherCore", "WeatherCache", "WeatherHTTP", "WeatherTesting", "OpenWeatherStub",
                "RedisTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                serviceLifecycle, tracing,
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"), "OTLPTracing",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OTLPTracingTests",
            dependencies: [
                "OTLPTracing", "WeatherCore", "WeatherTesting", httpTypes, serviceLifecycle, serviceLifecycleTestKit, tracing,
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "OpenWeatherStubTests", dependencies: ["OpenWeatherStub"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RequestTargetEncodingTests",
            dependencies: [
                "RequestTargetEncoding", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WeatherTrackerTests",
            dependencies: [
                "weather-tracker", "WeatherCore", "WeatherCache", "WeatherServer", "WeatherTesting", "OpenWeatherStub",
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
