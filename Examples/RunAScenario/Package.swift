// swift-tools-version: 6.1
// An example of another package using SocialCreditLab's run library: a shipped scenario run on a
// small society in a few lines, as `sclab simulate` runs it. CI builds and runs it.
import PackageDescription

let package = Package(
    name: "RunAScenario",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "SocialCreditLab", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "RunAScenario",
            dependencies: [
                .product(name: "Runs", package: "SocialCreditLab"),
                .product(name: "RunStore", package: "SocialCreditLab"),
                .product(name: "RunRecords", package: "SocialCreditLab"),
                .product(name: "SocialCredit", package: "SocialCreditLab"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
