import Foundation
import Testing

@testable import SocialCredit

/// The writer that puts fitted values back into a scenario file: only the value and its comment
/// change; every other character (comments, layout, flow mappings) stays as it was.
@Suite("Writing fitted values")
struct FittedWriterTests {
    static let text = """
        # A hand-written file: comments and layout must survive.
        behaviors:
          - id: refuse
            rate: 0.0024                # assumption: most listings
            varies:
              age:
                - {from: 18, to: 24, factor: 0.3}   # assumption
          - id: repay
            rate: 0.01
        sources:
          - {id: courts, observes: [refuse], coverage: 0.42}
        responses:
          - id: perform
            factor: 12                  # fitted: 9 -> 12 by sclab calibrate --fit (1,000 people, seed 1); calibrated to compliance
        """

    @Test("Snapshot: values replaced, notes put at the start of comments, earlier notes replaced")
    func snapshot() throws {
        let note = { (old: String, new: String) in ScenarioText.fittedNote(old: old, new: new, people: 200_000, seed: 1)
        }
        let changes = [
            ScenarioText.Change(
                path: ScenarioPath("behaviors.refuse.rate")!,
                value: 0.003125,
                note: note("0.0024", "0.003125")
            ),
            ScenarioText.Change(
                path: ScenarioPath("behaviors.refuse.varies.age[0].factor")!,
                value: 0.25,
                note: note("0.3", "0.25")
            ),
            ScenarioText.Change(
                path: ScenarioPath("behaviors.repay.rate")!,
                value: 0.0123456,
                note: note("0.01", "0.01235")
            ),
            ScenarioText.Change(path: ScenarioPath("sources.courts.coverage")!, value: 0.5, note: note("0.42", "0.5")),
            ScenarioText.Change(
                path: ScenarioPath("responses.perform.factor")!,
                value: 14.2,
                whole: true,
                note: note("12", "14")
            ),
        ]
        let written = try ScenarioText.applying(changes, to: Self.text)
        #expect(
            written == """
                # A hand-written file: comments and layout must survive.
                behaviors:
                  - id: refuse
                    rate: 0.003125                # fitted: 0.0024 -> 0.003125 by sclab calibrate --fit (200,000 people, seed 1); assumption: most listings
                    varies:
                      age:
                        - {from: 18, to: 24, factor: 0.25}   # fitted: 0.3 -> 0.25 by sclab calibrate --fit (200,000 people, seed 1); assumption
                  - id: repay
                    rate: 0.01235   # fitted: 0.01 -> 0.01235 by sclab calibrate --fit (200,000 people, seed 1)
                sources:
                  - {id: courts, observes: [refuse], coverage: 0.5}   # fitted: 0.42 -> 0.5 by sclab calibrate --fit (200,000 people, seed 1)
                responses:
                  - id: perform
                    factor: 14                  # fitted: 12 -> 14 by sclab calibrate --fit (200,000 people, seed 1); calibrated to compliance
                """
        )
        // Without notes only the numbers change.
        let plain = try ScenarioText.applying(
            [ScenarioText.Change(path: ScenarioPath("sources.courts.coverage")!, value: 0.7)],
            to: Self.text
        )
        #expect(plain == Self.text.replacingOccurrences(of: "coverage: 0.42}", with: "coverage: 0.7}"))
    }

    @Test(
        "Numbers are written with four significant digits, whole numbers plainly",
        arguments: [
            (0.0024, false, "0.0024"), (0.00312549, false, "0.003125"), (12.0, false, "12"), (14.6, true, "15"),
            (0.123456, false, "0.1235"), (1234.5678, false, "1235"), (-0.5, false, "-0.5"),
        ]
    )
    func format(value: Double, whole: Bool, expected: String) {
        #expect(ScenarioText.format(value, whole: whole) == expected)
    }

    @Test("A path to a missing key or to something other than a number is refused")
    func refused() {
        #expect(throws: ScenarioText.WriteError.self) {
            try ScenarioText.applying([.init(path: ScenarioPath("behaviors.refuse.rates")!, value: 1)], to: Self.text)
        }
        #expect(throws: ScenarioText.WriteError.self) {
            try ScenarioText.applying([.init(path: ScenarioPath("behaviors.refuse.varies")!, value: 1)], to: Self.text)
        }
        #expect(throws: ScenarioText.WriteError.self) {
            try ScenarioText.applying([.init(path: ScenarioPath("behaviors[5].rate")!, value: 1)], to: Self.text)
        }
    }
}
