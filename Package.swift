// swift-tools-version:6.2
import PackageDescription

/// One settings block for every target: Swift 6 language mode, strict concurrency, upcoming features.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

// Package traits keep the library cheap to depend on. WeatherCore and WeatherTesting need only swift-http-types
// and swift-distributed-tracing (with swift-service-context): a package that depends on this one with
// `traits: []` resolves those three and nothing else, because SwiftPM leaves out of resolution every
// package that only trait-disabled target dependencies use (Examples/CoreConsumer, scripts/consumer-check.sh).
// `Service`, the default, keeps `swift build`, `swift test` and `swift run weather-tracker serve` as they were.
let traits: Set<Trait> = [
    .trait(
        name: "Curl",
        description: "WeatherHTTP: CurlTransport over libcurl (libcurl4-openssl-dev), with swift-service-lifecycle."),
    .trait(
        name: "Redis",
        description: "WeatherCache: the Redis cache, quota and lease over hiredis (libhiredis-dev, libssl-dev), "
            + "with swift-service-lifecycle."),
    .trait(
        name: "Service",
        description: "The service: WeatherServer (Hummingbird, NIO, Mustache, Prometheus), OpenWeatherStub, OTLP "
            + "tracing and the weather-tracker command line; enables Curl and Redis.",
        enabledTraits: ["Curl", "Redis"]),
    .trait(
        name: "AsyncHTTPClient",
        description: "WeatherAsyncHTTPClient: an HTTPTransport over swift-server/async-http-client, for services "
            + "that already run it (no libcurl headers needed)."),
    .default(enabledTraits: ["Service"]),
]

/// A product that only the service's targets use: resolved and linked only with the `Service` trait.
func service(_ product: String, _ package: String) -> Target.Dependency {
    .product(name: product, package: package, condition: .when(traits: ["Service"]))
}

/// A product that only WeatherAsyncHTTPClient uses: resolved and linked only with the `AsyncHTTPClient` trait.
func asyncHTTPClient(_ product: String, _ package: String) -> Target.Dependency {
    .product(name: product, package: package, condition: .when(traits: ["AsyncHTTPClient"]))
}

/// swift-http-types: the HTTP currency types WeatherCore's transport protocol speaks.
let httpTypes: Target.Dependency = .product(name: "HTTPTypes", package: "swift-http-types")
/// swift-service-lifecycle: the long-lived adapters (curl, Redis) and the stub are its `Service`s; needed by each
/// of the traits that build one of them.
let serviceLifecycle: Target.Dependency = .product(
    name: "ServiceLifecycle", package: "swift-service-lifecycle",
    condition: .when(traits: ["Curl", "Redis", "Service"]))
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
        // Needs the AsyncHTTPClient trait (not a default one): without it the module is empty.
        .library(name: "WeatherAsyncHTTPClient", targets: ["WeatherAsyncHTTPClient"]),
        .library(name: "OpenWeatherStub", targets: ["OpenWeatherStub"]),
        .library(name: "WeatherServer", targets: ["WeatherServer"]),
        // Outgoing webhooks' security core: Standard Webhooks signing and the subscriber-URL (SSRF) guard.
        .library(name: "WeatherWebhooks", targets: ["WeatherWebhooks"]),
        // The service's parsers for the libFuzzer targets in Fuzz/ (not for applications).
        .library(name: "WeatherServerFuzzing", targets: ["WeatherServerFuzzing"]),
        .executable(name: "weather-tracker", targets: ["weather-tracker"]),
    ],
    traits: traits,
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.24.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // FullFoundation only: the ConfigurationSupport trait would pull swift-configuration, which the binary cannot
        // afford (see ConfigurationSources).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        // WeatherAsyncHTTPClient's library (and swift-nio-ssl for its TLS errors), with the AsyncHTTPClient trait only.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.30.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `swift package generate-documentation` (scripts/docs.sh): a command plugin, linked into no target, so a
        // package depending on this one never resolves it.
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

        // HMAC-SHA256 for webhook signatures through libcrypto, which the service already links (CRedisTLS, libcurl's
        // OpenSSL): no new dependency, and no BoringSSL build as swift-crypto would bring.
        .target(name: "CWebhookCrypto", linkerSettings: [.linkedLibrary("crypto")]),

        // Adapters, one per library; each is a swift-service-lifecycle Service the service's ServiceGroup runs.
        .target(
            name: "WeatherHTTP", dependencies: ["WeatherCore", "CCurl", httpTypes, serviceLifecycle],
            swiftSettings: swiftSettings),
        .target(
            name: "WeatherCache", dependencies: ["WeatherCore", "CHiredis", "CRedisTLS", serviceLifecycle],
            swiftSettings: swiftSettings),

        // Shipped test kit: fakes and fixtures, depends only on the core.
        .target(name: "WeatherTesting", dependencies: ["WeatherCore", httpTypes], swiftSettings: swiftSettings),

        // The transport for services that already run AsyncHTTPClient; its sources are `#if AsyncHTTPClient`, so
        // without the trait the module is empty and the default build stays as cheap as before.
        .target(
            name: "WeatherAsyncHTTPClient",
            dependencies: [
                "WeatherCore", httpTypes, asyncHTTPClient("AsyncHTTPClient", "async-http-client"),
                asyncHTTPClient("NIOCore", "swift-nio"), asyncHTTPClient("NIOHTTP1", "swift-nio"),
                asyncHTTPClient("NIOPosix", "swift-nio"), asyncHTTPClient("NIOSSL", "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings),

        // One NIO handler for the stub and the service: raw UTF-8 in a request target, percent-encoded.
        .target(
            name: "RequestTargetEncoding", dependencies: [service("NIOCore", "swift-nio")],
            swiftSettings: swiftSettings),

        // Embedded OpenWeather-compatible server for tests, benchmarks and demo mode.
        .target(
            name: "OpenWeatherStub",
            dependencies: [
                "RequestTargetEncoding",
                service("NIOCore", "swift-nio"),
                service("NIOPosix", "swift-nio"),
                service("NIOHTTP1", "swift-nio"),
                service("NIOHTTPCompression", "swift-nio-extras"),
                serviceLifecycle,
            ],
            swiftSettings: swiftSettings
        ),

        // What the service accepts and answers, without a server: its configuration from the environment, its
        // routes' parameters and plans, problem documents, the headers it parses, its JSON. No NIO, no Hummingbird:
        // the fuzz targets (Fuzz/) build this and WeatherCore only.
        .target(
            name: "WeatherServerCore",
            dependencies: ["WeatherCore", "WeatherCache", httpTypes, service("Logging", "swift-log")],
            swiftSettings: swiftSettings
        ),

        // The web pages' rendering, without a server: view models, Mustache templates, SVG charts, formatting and the
        // static assets. WeatherServer serves them.
        .target(
            name: "WeatherPages",
            dependencies: ["WeatherCore", "WeatherServerCore", service("Mustache", "swift-mustache")],
            swiftSettings: swiftSettings
        ),

        // The service as a library: the server, router, near-cache, health, metrics, the pages' routes, OpenAPI.
        .target(
            name: "WeatherServer",
            dependencies: [
                "WeatherCore", "WeatherServerCore", "WeatherPages", "WeatherHTTP", "WeatherCache", "OpenWeatherStub",
                "RequestTargetEncoding", httpTypes,
                service("Hummingbird", "hummingbird"),
                service("HummingbirdCore", "hummingbird"),
                service("NIOCore", "swift-nio"),
                service("NIOHTTP1", "swift-nio"),
                service("NIOHTTPTypes", "swift-nio-extras"),
                service("NIOPosix", "swift-nio"),
                service("Logging", "swift-log"),
                service("Metrics", "swift-metrics"),
                service("Prometheus", "swift-prometheus"),
                service("ServiceLifecycle", "swift-service-lifecycle"),
                service("UnixSignals", "swift-service-lifecycle"),
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
                service("W3CTraceContext", "swift-w3c-trace-context"),
                service("Logging", "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // Outgoing webhooks' security core: Standard Webhooks signatures (over CWebhookCrypto) and the guard that keeps
        // subscriber URLs on the public internet, resolving once and pinning the addresses. No server framework.
        .target(name: "WeatherWebhooks", dependencies: ["CWebhookCrypto"], swiftSettings: swiftSettings),

        // Entry points of Fuzz/'s request and configuration targets; reaches `package` parsers.
        .target(name: "WeatherServerFuzzing", dependencies: ["WeatherServerCore"], swiftSettings: swiftSettings),

        .executableTarget(
            name: "weather-tracker",
            dependencies: [
                "WeatherCore", "WeatherHTTP", "WeatherCache", "OpenWeatherStub", "WeatherServer", "WeatherServerCore",
                "OTLPTracing",
                httpTypes, service("ArgumentParser", "swift-argument-parser"),
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

        // Test support shared by the test targets: a TLS redis-server and its certificates, free loopback
        // ports, and a raw TCP connection for what an HTTP client library hides.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),

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
                "WeatherHTTP", "OpenWeatherStub", "WeatherTesting", "TestSupport", httpTypes,
                serviceLifecycleTestKit,
                // The shared transport tests run against AsyncHTTPClientTransport too, with its trait.
                "WeatherAsyncHTTPClient", asyncHTTPClient("AsyncHTTPClient", "async-http-client"),
                asyncHTTPClient("NIOCore", "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WeatherCacheTests",
            dependencies: ["WeatherCache", "WeatherTesting", "TestSupport", httpTypes, serviceLifecycleTestKit],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WeatherServerCoreTests",
            dependencies: [
                "WeatherServerCore", "WeatherCore", "WeatherCache", "WeatherTesting", httpTypes,
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WeatherServerTests",
            dependencies: [
                "WeatherServer", "WeatherServerCore", "WeatherPages", "WeatherCore", "WeatherCache", "WeatherHTTP",
                "WeatherTesting",
                "OpenWeatherStub", "TestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
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
        .testTarget(name: "OpenWeatherStubTests", dependencies: ["OpenWeatherStub", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RequestTargetEncodingTests",
            dependencies: [
                "RequestTargetEncoding", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "WeatherWebhooksTests", dependencies: ["WeatherWebhooks"], swiftSettings: swiftSettings),
        .testTarget(
            name: "WeatherTrackerTests",
            dependencies: [
                "weather-tracker", "WeatherCore", "WeatherCache", "WeatherServer", "WeatherTesting", "OpenWeatherStub",
                "TestSupport",
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
