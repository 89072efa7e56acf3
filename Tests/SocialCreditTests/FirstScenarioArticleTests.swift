import Foundation
import TestSupport
import Testing

@testable import SocialCredit

/// The DocC article "Write your first scenario" builds its scenario from YAML blocks: put
/// together as the article says, they must read without errors or warnings (what
/// `sclab check --strict` requires), and the mistake it shows must be reported as it says.
@Suite("The first-scenario article")
struct FirstScenarioArticleTests {
    static let article = SCLab.repository.appendingPathComponent(
        "Sources/SocialCredit/SocialCredit.docc/WriteYourFirstScenario.md"
    )

    /// The article's YAML blocks, one after another with a blank line between, as one file.
    static func scenarioText() throws -> String {
        let text = try String(contentsOf: article, encoding: .utf8)
        let blocks = text.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        return blocks.joined(separator: "\n")
    }

    @Test("The article's scenario is valid with no warnings, and has every section the article adds")
    func valid() throws {
        let reading = Scenario.read(try Self.scenarioText(), file: "crossing.yaml")
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics.map(\.description))")
        let scenario = try #require(reading.scenario)
        #expect(scenario.id == "crossing-cameras")
        #expect(scenario.behaviors.count == 2 && scenario.sources.count == 2 && scenario.rules.count == 2)
        #expect(scenario.lists.count == 1 && scenario.actions.count == 2 && scenario.measures.count == 2)
        _ = try Policy(scenario)
    }

    @Test("The mistake the article shows is reported at the line and column it gives")
    func mistake() throws {
        let broken = try Self.scenarioText().replacingOccurrences(of: "behavior: jaywalking", with: "behavior: jaywalk")
        let errors = Scenario.read(broken, file: "crossing.yaml").diagnostics.map(\.description)
        let article = try String(contentsOf: Self.article, encoding: .utf8)
        #expect(
            errors == [
                "crossing.yaml:36:15: rules[0].behavior: unknown behaviour 'jaywalk' (did you mean 'jaywalking'?)"
            ]
        )
        #expect(errors.allSatisfy { article.contains($0) })
    }
}
