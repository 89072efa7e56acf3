// swift-tools-version: 6.1
// SocialCreditLab: the social credit system as an executable model run on synthetic societies.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "SocialCreditLab",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SocialCredit", targets: ["SocialCredit"]),
        .executable(name: "sclab", targets: ["sclab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(
            name: "SocialCredit",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "sclab",
            dependencies: [
                "SocialCredit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SocialCreditTests",
            dependencies: ["SocialCredit"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
