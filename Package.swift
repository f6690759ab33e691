// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "citywatch",
    products: [
        .executable(name: "citywatch", targets: ["citywatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // libcurl's headers, and its functions opened on first use (CurlLoader.c): a command that fetches nothing
        // does not load libcurl and the thirty libraries behind it. Headers from libcurl4-openssl-dev.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        // One target per pipeline stage, each depending only on earlier stages: the compiler refuses an import
        // against the pipeline order Support → Fetching → Feeds → Documents → Extraction → Knowledge → Config →
        // Alerts → Notify → Daemon → Dashboard.
        .target(name: "CityWatchSupport", dependencies: [.product(name: "Metrics", package: "swift-metrics")]),
        .target(name: "CityWatchFetching", dependencies: ["CityWatchSupport", "CCurl"]),
        .target(name: "CityWatchFeeds", dependencies: ["CityWatchSupport", "CityWatchFetching", "CLibXML2"]),
        .target(name: "CityWatchDocuments", dependencies: ["CityWatchSupport", "CityWatchFeeds", "CLibXML2"]),
        .target(name: "CityWatchExtraction", dependencies: ["CityWatchSupport", "CityWatchDocuments"]),
        .target(
            name: "CityWatchKnowledge",
            dependencies: [
                "CityWatchSupport", "CityWatchDocuments", "CityWatchExtraction",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "CityWatchConfig",
            dependencies: [
                "CityWatchSupport", "CityWatchFetching", "CityWatchExtraction", "CityWatchKnowledge",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "CityWatchAlerts",
            dependencies: [
                "CityWatchSupport", "CityWatchFetching", "CityWatchExtraction", "CityWatchKnowledge",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "CityWatchNotify",
            dependencies: [
                "CityWatchSupport", "CityWatchFetching", "CityWatchKnowledge", "CityWatchConfig", "CityWatchAlerts",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "CityWatchDaemon",
            dependencies: [
                "CityWatchSupport", "CityWatchFetching", "CityWatchFeeds", "CityWatchDocuments",
                "CityWatchExtraction", "CityWatchKnowledge", "CityWatchConfig", "CityWatchAlerts", "CityWatchNotify",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "CityWatchDashboard",
            dependencies: [
                "CityWatchSupport", "CityWatchExtraction", "CityWatchKnowledge", "CityWatchConfig", "CityWatchAlerts",
                "CityWatchDaemon",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // The stages re-exported as one module, for the executables.
        .target(
            name: "CityWatchCore",
            dependencies: [
                "CityWatchSupport", "CityWatchFetching", "CityWatchFeeds", "CityWatchDocuments", "CityWatchExtraction",
                "CityWatchKnowledge", "CityWatchConfig", "CityWatchAlerts", "CityWatchNotify", "CityWatchDaemon",
                "CityWatchDashboard",
            ]
        ),
        .executableTarget(
            name: "citywatch",
            dependencies: [
                "CityWatchCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [
                // lld packs the binary's ~115,000 relative relocations into a few kilobytes (DT_RELR, glibc 2.36):
                // the loader touches 2.7 MB less at start, and the daemon's resident memory is that much smaller.
                // Nothing looks the executable's own symbols up at run time, so they are not exported either
                // (31,000 dynamic symbols, 2 MB of tables; crash backtraces read the full symbol table).
                // Release builds only; lld ships with the Swift toolchain.
                .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic"],
                             .when(configuration: .release)),
            ]
        ),
        .executableTarget(
            name: "citywatch-fuzz",
            dependencies: ["CityWatchCore"]
        ),
        .executableTarget(
            name: "citywatch-bench",
            dependencies: [
                "CityWatchCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Loopback servers and clients the tests start (no dependency on the product's code).
        .target(name: "CityWatchTestSupport", path: "Tests/CityWatchTestSupport"),
        .testTarget(
            name: "CityWatchCoreTests",
            dependencies: [
                "CityWatchSupport", "CityWatchFetching", "CityWatchFeeds", "CityWatchDocuments", "CityWatchExtraction",
                "CityWatchKnowledge", "CityWatchConfig", "CityWatchAlerts", "CityWatchNotify", "CityWatchDaemon",
                "CityWatchDashboard", "CityWatchTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
