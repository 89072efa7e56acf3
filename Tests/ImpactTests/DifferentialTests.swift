import Foundation
import RunRecords
import SocialCredit
import TestSupport
import Testing

@testable import Impact

/// Differential tests (issue 12): random valid scenarios that together use every key of the
/// language (`ScenarioGenerator`), each run on a small society with everyone traced and verified
/// month by month against the decision engine (`sclab verify`'s `Verification`): the run and the
/// engine must never disagree. A failing case names its scenario seed and run seed; replay it with
/// `ScenarioGenerator.scenario(seed:)` written to a file, then
/// `sclab simulate --scenario FILE --population 200 --seed RUN --trace-every 1` and `sclab verify`.
@Suite("Differential: generated scenarios, the run against the engine")
struct DifferentialTests {
    /// Scenario seeds: 200 scenarios, each run with two seeds.
    static let scenarios: [UInt64] = Array(0..<200)
    static let size = 200

    @Test("Every generated scenario is valid, and together they use every key the generator knows")
    func coverage() throws {
        var used = Set<String>()
        for seed in Self.scenarios {
            let text = ScenarioGenerator.scenario(seed: seed)
            #expect(throws: Never.self, "scenario seed \(seed)") {
                try Scenario.parse(text, file: "generated-\(seed).yaml")
            }
            used.formUnion(ScenarioGenerator.keysUsed(seed: seed))
        }
        #expect(
            ScenarioGenerator.allKeys.subtracting(used).isEmpty,
            "never used: \(ScenarioGenerator.allKeys.subtracting(used).sorted())"
        )
        #expect(ScenarioGenerator.scenario(seed: 7) == ScenarioGenerator.scenario(seed: 7))
    }

    @Test("A generated scenario's run agrees with the engine at every month end and decision", arguments: scenarios)
    func agrees(scenarioSeed: UInt64) throws {
        let text = ScenarioGenerator.scenario(seed: scenarioSeed)
        let scenario = try Scenario.parse(text, file: "generated-\(scenarioSeed).yaml")
        for runSeed: UInt64 in [1, 2] {
            let folder = try StoredRun.make(
                text: text,
                file: "generated-\(scenarioSeed).yaml",
                size: Self.size,
                period: scenario.period,
                seed: runSeed,
                counterfactual: false,
                report: false
            ).folder
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let verification = try Verification.run(directory: folder, threads: 1, generator: Societies.generator)
            #expect(verification.standings > 0)
            #expect(verification.withoutSpillovers == 0)
            #expect(
                verification.agrees,
                """
                scenario seed \(scenarioSeed), run seed \(runSeed): \(verification.disagreements.count) disagreements, first: \
                \(verification.disagreements.prefix(5).map { "\($0.subjectKind) \($0.subject) \($0.day) \($0.field): run \($0.run), engine \($0.engine) \($0.context)" })
                """
            )
        }
    }

    @Test(
        "Every shipped scenario's run agrees with the engine",
        arguments: ScenarioCatalog.discover().entries.map(\.name)
    )
    func shipped(name: String) throws {
        let text = try Societies.shippedText(name)
        let period = Period(start: Day(iso: "2014-01-01")!, end: Day(iso: "2016-12-31")!)
        let folder = try StoredRun.make(
            text: text,
            file: "\(name).yaml",
            size: 300,
            period: period,
            counterfactual: false,
            report: false
        ).folder
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let verification = try Verification.run(directory: folder, threads: 1, generator: Societies.generator)
        #expect(verification.decisions > 0 || verification.standings > 0)
        #expect(
            verification.agrees,
            "\(name): \(verification.disagreements.prefix(5).map { "\($0.subject) \($0.day) \($0.field): run \($0.run), engine \($0.engine)" })"
        )
    }
}
