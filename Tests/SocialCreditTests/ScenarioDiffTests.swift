import Foundation
import TestSupport
import Testing

@testable import SocialCredit

/// `ScenarioDiff` on small edits of the minimal scenario, each answer worked out by hand from
/// the edit: the path `sclab sweep --vary` would take, the kind, and both values as written.
@Suite("Scenario diff")
struct ScenarioDiffTests {
    /// An edit of `ScenarioTexts.minimal` and the differences it makes.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// Text replaced, each `from` found exactly once in the minimal scenario.
        let edits: [(from: String, to: String)]
        let expected: [ScenarioDiff.Difference]
        var testDescription: String { name }

        /// The minimal scenario with the edits made.
        func edited() throws -> String {
            var text = ScenarioTexts.minimal
            for (from, to) in edits {
                #expect(text.components(separatedBy: from).count == 2, "'\(from)' is not in the text exactly once")
                text = text.replacingOccurrences(of: from, with: to)
            }
            return text
        }
    }

    static let addedRule = (
        from: "    list: offenders\nlists:",
        to: "    list: offenders\n  - id: donation_reward\n    behavior: blood_donation\n    delta: 5\nlists:"
    )

    static let cases: [Case] = [
        Case(
            name: "a changed number",
            edits: [("coverage: 0.2", "coverage: 0.15")],
            expected: [.init("sources.cctv.coverage", .changed, old: "0.2", new: "0.15")]
        ),
        Case(
            name: "a changed string",
            edits: [("name: Minimal", "name: \"Minimal, halved\"")],
            expected: [.init("scenario.name", .changed, old: "Minimal", new: "Minimal, halved")]
        ),
        Case(
            name: "an added list item",
            edits: [addedRule],
            expected: [.init("rules.donation_reward", .added, old: nil, new: "donation_reward")]
        ),
        Case(
            name: "a removed list item",
            edits: [("    - {id: B, min: 850}\n", "")],
            expected: [.init("score.tiers.B", .removed, old: "B", new: nil)]
        ),
        Case(
            name: "nested changes inside list items found by id, in the file's order",
            edits: [("delta: -5", "delta: -3"), ("{id: B, min: 850}", "{id: B, min: 800}")],
            expected: [
                .init("score.tiers.B.min", .changed, old: "850", new: "800"),
                .init("rules.jaywalk_penalty.delta", .changed, old: "-5", new: "-3"),
            ]
        ),
        Case(
            name: "reordered keys are no difference",
            edits: [
                (
                    "    observes: [jaywalking, blood_donation]\n    coverage: 0.2\n",
                    "    coverage: 0.2\n    observes: [jaywalking, blood_donation]\n"
                ),
                ("  name: Minimal\n  start: 2014-01-01\n", "  start: 2014-01-01\n  name: Minimal\n"),
            ],
            expected: []
        ),
        Case(
            name: "comments are no difference",
            edits: [
                ("coverage: 0.2", "coverage: 0.2   # a fifth of the streets"), ("rules:\n", "# the rules\nrules:\n"),
            ],
            expected: []
        ),
        Case(
            name: "the way a value is written is no difference",
            edits: [
                ("coverage: 0.2", "coverage: 0.20"), ("    rate: 1\n", "    rate: 1.0\n"),
                ("when: {list: offenders}", "when:\n      list: offenders"), ("name: Minimal", "name: 'Minimal'"),
            ],
            expected: []
        ),
        Case(
            name: "an item without an id by its index",
            edits: [("observes: [jaywalking, blood_donation]", "observes: [jaywalking, littering]")],
            expected: [.init("sources.cctv.observes[1]", .changed, old: "blood_donation", new: "littering")]
        ),
        Case(
            name: "a shorter list loses its last items",
            edits: [("observes: [jaywalking, blood_donation]", "observes: [jaywalking]")],
            expected: [.init("sources.cctv.observes[1]", .removed, old: "blood_donation", new: nil)]
        ),
        Case(
            name: "a value of another kind",
            edits: [("when: {list: offenders}", "when: offenders")],
            expected: [.init("measures.flight_ban.when", .changed, old: "a mapping of 1 key", new: "offenders")]
        ),
        Case(
            name: "reordered items are one difference of order",
            edits: [
                (
                    "    - {id: A, min: 960}\n    - {id: B, min: 850}\n    - {id: C, min: 0}\n",
                    "    - {id: C, min: 0}\n    - {id: B, min: 850}\n    - {id: A, min: 960}\n"
                )
            ],
            expected: [.init("score.tiers", .changed, old: "[A, B, C]", new: "[C, B, A]")]
        ),
        Case(
            name: "additions follow what both hold, in the second file's order",
            edits: [
                ("coverage: 0.2", "coverage: 0.15"), addedRule,
                ("false_attribution: 0.02\n", "false_attribution: 0.02\n    delay_days: 3\n"),
            ],
            expected: [
                .init("sources.cctv.coverage", .changed, old: "0.2", new: "0.15"),
                .init("sources.cctv.delay_days", .added, old: nil, new: "3"),
                .init("rules.donation_reward", .added, old: nil, new: "donation_reward"),
            ]
        ),
    ]

    @Test("Differences by parameter path, known answers", arguments: cases)
    func differences(_ example: Case) throws {
        let diff = try ScenarioDiff(from: ScenarioTexts.minimal, to: try example.edited())
        #expect(diff.differences == example.expected)
        #expect(diff.isEmpty == example.expected.isEmpty)
    }

    @Test("Every path leads back to its value as `sclab sweep --vary` reads paths", arguments: cases)
    func pathsLeadBack(_ example: Case) throws {
        let old = try ScenarioEdit.document(ScenarioTexts.minimal)
        let new = try ScenarioEdit.document(try example.edited())
        for difference in try ScenarioDiff(from: ScenarioTexts.minimal, to: try example.edited()).differences {
            let (node, _) = try ScenarioEdit.locate(difference.path, in: difference.kind == .added ? new : old)
            if difference.kind != .changed || difference.path != "score.tiers" {
                let value = difference.kind == .added ? difference.new : difference.old
                #expect(ScenarioDiff.summary(node) == value, "\(difference.path)")
            }
        }
    }

    @Test("The same text, and the reversed edit, give no differences and the mirror image")
    func reversed() throws {
        #expect(try ScenarioDiff(from: ScenarioTexts.minimal, to: ScenarioTexts.minimal).isEmpty)
        let edited = try Self.cases[12].edited()
        let back = try ScenarioDiff(from: edited, to: ScenarioTexts.minimal).differences
        #expect(
            back == [
                .init("sources.cctv.coverage", .changed, old: "0.15", new: "0.2"),
                .init("sources.cctv.delay_days", .removed, old: "3", new: nil),
                .init("rules.donation_reward", .removed, old: "donation_reward", new: nil),
            ]
        )
    }

    @Test("The same tree written as JSON (tab-indented) is no difference; a changed number in it is found")
    func jsonForm() throws {
        let yaml =
            "score:\n  initial: 1000\n  tiers:\n    - {id: A, min: 960}\n    - {id: B, min: 0}\nstart: 2014-01-01\n"
        let json =
            "{\n\t\"start\": \"2014-01-01\",\n\t\"score\": {\"tiers\": [{\"min\": 960.0, \"id\": \"A\"},\n\t\t{\"id\": \"B\", \"min\": 0}], \"initial\": 1e3}\n}\n"
        #expect(try ScenarioDiff(from: yaml, to: json).isEmpty)
        let changed = json.replacingOccurrences(of: "960.0", with: "950")
        #expect(
            try ScenarioDiff(from: yaml, to: changed).differences == [
                .init("score.tiers.A.min", .changed, old: "960", new: "950")
            ]
        )
    }

    @Test("Text: a line per difference and a count; an item named by its id is not named again")
    func text() throws {
        let diff = try ScenarioDiff(from: ScenarioTexts.minimal, to: try Self.cases[12].edited())
        #expect(
            diff.text == """
                ~ sources.cctv.coverage: 0.2 -> 0.15
                + sources.cctv.delay_days: 3 (added)
                + rules.donation_reward (added)
                3 differences (1 changed, 2 added)

                """
        )
        let removed = try ScenarioDiff(from: ScenarioTexts.minimal, to: try Self.cases[9].edited())
        #expect(removed.text == "- sources.cctv.observes[1]: blood_donation (removed)\n1 difference (1 removed)\n")
        #expect(try ScenarioDiff(from: ScenarioTexts.minimal, to: ScenarioTexts.minimal).text == "no differences\n")
        let multiline = try ScenarioDiff(from: "a: one\n", to: "a: |\n  one\n  two\n")
        #expect(multiline.text == "~ a: one -> one\\ntwo\\n\n1 difference (1 changed)\n")
    }

    @Test("JSON: an array of {path, kind, old, new}, null for the side without the value")
    func json() throws {
        let diff = try ScenarioDiff(from: ScenarioTexts.minimal, to: try Self.cases[12].edited())
        #expect(
            diff.json == """
                [
                  {
                    "path": "sources.cctv.coverage",
                    "kind": "changed",
                    "old": "0.2",
                    "new": "0.15"
                  },
                  {
                    "path": "sources.cctv.delay_days",
                    "kind": "added",
                    "old": null,
                    "new": "3"
                  },
                  {
                    "path": "rules.donation_reward",
                    "kind": "added",
                    "old": null,
                    "new": "donation_reward"
                  }
                ]

                """
        )
        #expect(try ScenarioDiff(from: "a: 1\n", to: "a: 1.0\n").json == "[]\n")
    }

    @Test("Text that does not parse is an error naming its side")
    func unparsable() throws {
        let second = try #require(throws: ScenarioEdit.Failure.self) {
            try ScenarioDiff(from: ScenarioTexts.minimal, to: "scenario: [\n")
        }
        #expect(second.description.hasPrefix("the second scenario: the scenario does not parse"), "\(second)")
        let first = try #require(throws: ScenarioEdit.Failure.self) { try ScenarioDiff(from: "", to: "a: 1\n") }
        #expect(first.description == "the first scenario: the scenario is empty")
    }
}
