import Foundation
import TestSupport
import Testing

@testable import SocialCredit

/// Every scenario shipped in scenarios/ reads without errors or warnings and compiles.
@Suite("Shipped scenarios")
struct ShippedScenarioTests {
    static let folder = SCLab.repository.appendingPathComponent("scenarios").path

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }

    @Test("The seed scenario is shipped")
    func seedIsShipped() {
        #expect(Self.files.contains("seed-article.yaml"))
    }

    @Test("Each shipped scenario is valid, has no warnings and compiles", arguments: files)
    func valid(file: String) throws {
        let reading = Scenario.read(contentsOf: Self.folder + "/" + file)
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics.map(\.description).joined(separator: "\n"))")
        let scenario = try #require(reading.scenario)
        #expect(!scenario.summary.isEmpty)
        _ = try Policy(scenario)
    }
}
