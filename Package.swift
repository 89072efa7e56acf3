// swift-tools-version: 6.1
// SocialCreditLab: the social credit system as an executable model run on synthetic societies.
import PackageDescription

// CI sets SCLAB_WARNINGS_AS_ERRORS=1 so that the project's own targets (not its dependencies)
// build with no warnings. The flag is unsafe only in the sense that a package using it cannot be
// a dependency, so it is never on by default.
let warningsAsErrors: [SwiftSetting] =
    Context.environment["SCLAB_WARNINGS_AS_ERRORS"] == "1" ? [.unsafeFlags(["-warnings-as-errors"])] : []

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
] + warningsAsErrors

let package = Package(
    name: "SocialCreditLab",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SocialCredit", targets: ["SocialCredit"]),
        .library(name: "Society", targets: ["Society"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "RunStore", targets: ["RunStore"]),
        .library(name: "Impact", targets: ["Impact"]),
        .library(name: "Observatory", targets: ["Observatory"]),
        .executable(name: "sclab", targets: ["sclab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // The web app's HTTP server; its default traits (swift-configuration, full Foundation)
        // are not used, so they are left off to keep the build smaller.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // `swift package generate-documentation`: the DocC catalogs (a plugin; nothing is linked).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "SocialCredit",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Society",
            dependencies: ["SocialCredit"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // A prefetch hint for the day loop (C, header only): Swift cannot express one.
        .target(name: "MemoryHints"),
        .target(
            name: "Simulation",
            dependencies: ["SocialCredit", "Society", "MemoryHints"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "RunStore",
            dependencies: ["Simulation", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Impact",
            dependencies: ["SocialCredit", "Society", "Simulation", "RunStore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Observatory",
            dependencies: [
                "SocialCredit",
                "Society",
                "Simulation",
                "RunStore",
                "Impact",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "sclab",
            dependencies: [
                "SocialCredit",
                "Society",
                "Simulation",
                "RunStore",
                "Impact",
                "Observatory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // What the test targets share (not a product): runs stored as `sclab simulate` stores them,
        // the observer that keeps what a run reports, temporary folders, and the `sclab` and
        // headless-Chromium runners.
        .target(
            name: "TestSupport",
            dependencies: ["SocialCredit", "Society", "Simulation", "RunStore", "Impact"],
            path: "Tests/TestSupport",
            swiftSettings: strictSettings
        ),
        // The tests that launch the `sclab` executable as a user does.
        .testTarget(
            name: "CommandLineTests",
            dependencies: ["TestSupport", "RunStore", "Simulation", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SimulationTests",
            dependencies: ["Simulation", "Society", "SocialCredit", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RunStoreTests",
            dependencies: ["RunStore", "Simulation", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ImpactTests",
            dependencies: ["Impact", "RunStore", "Simulation", "Society", "SocialCredit", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Snapshots"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ObservatoryTests",
            dependencies: [
                "Observatory",
                "Impact",
                "RunStore",
                "Simulation",
                "Society",
                "SocialCredit",
                "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SocietyTests",
            dependencies: ["Society", "SocialCredit", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SocialCreditTests",
            dependencies: ["SocialCredit", "TestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
