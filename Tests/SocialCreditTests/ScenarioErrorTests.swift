import Foundation
import TestSupport
import Testing

@testable import SocialCredit

/// A broken scenario never crashes the reader: every error names the file, line, column and key
/// path, says what is wrong and, where it can, how to fix it. One test per kind of error.
@Suite("Scenario errors")
struct ScenarioErrorTests {
    /// A small valid scenario; each test breaks one line of it.
    static let valid = ScenarioTexts.minimal

    private func errors(_ text: String, file: String = "test.yaml") -> [String] {
        let reading = Scenario.read(text, file: file)
        #expect(reading.scenario == nil, "an invalid scenario must not be returned")
        return reading.errors.map(\.description)
    }

    private func breaking(_ old: String, _ new: String) -> String {
        precondition(Self.valid.contains(old), "fixture does not contain \(old)")
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    @Test("The unbroken fixture is valid")
    func fixtureIsValid() {
        let reading = Scenario.read(Self.valid, file: "test.yaml")
        #expect(reading.diagnostics.isEmpty)
        #expect(reading.scenario?.id == "test")
    }

    @Test("YAML syntax error: line and column of the problem")
    func syntax() {
        #expect(
            errors(breaking("observes: [jaywalking, blood_donation]", "observes: [jaywalking, blood_donation")) == [
                "test.yaml:23:13: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 22, column 15)"
            ]
        )
    }

    @Test("Empty file and a file of comments only")
    func empty() {
        let expected = [
            "test.yaml:1:1: the file is empty: a scenario needs at least 'scenario', 'score' and 'behaviors'"
        ]
        #expect(errors("") == expected)
        #expect(errors("# nothing but a comment\n") == expected)
    }

    @Test("Truncated file: the missing sections are named")
    func truncated() {
        let cut = String(Self.valid.prefix(through: Self.valid.range(of: "  maximum: 13")!.upperBound))
        #expect(
            errors(cut) == [
                "test.yaml:1:1: missing required key 'behaviors'",
                "test.yaml:6:3: score: missing required key 'tiers'",
            ]
        )
    }

    @Test("Unknown key, with the likely intended key")
    func unknownKey() {
        #expect(
            errors(breaking("    coverage: 0.2", "    coverrage: 0.2")) == [
                "test.yaml:21:5: sources[0]: missing required key 'coverage'",
                "test.yaml:23:5: sources[0]: unknown key 'coverrage' (did you mean 'coverage'?)",
            ]
        )
    }

    @Test("Wrong type: text where a number belongs, a list where a mapping belongs")
    func wrongType() {
        #expect(
            errors(breaking("    rate: 0.5", "    rate: often")) == [
                "test.yaml:16:11: behaviors[0].rate: expected a number, found text 'often'"
            ]
        )
        #expect(
            errors(breaking("    delta: -5", "    delta: -5.5")) == [
                "test.yaml:28:12: rules[0].delta: expected a whole number, found -5.5 (use -6)"
            ]
        )
        #expect(
            errors(breaking("when: {list: offenders}", "when: [offenders]")) == [
                "test.yaml:41:11: measures[0].when: expected a mapping of keys, found a list"
            ]
        )
    }

    @Test("Tier thresholds out of order")
    func tiersOutOfOrder() {
        #expect(
            errors(breaking("{id: B, min: 850}", "{id: B, min: 990}")) == [
                "test.yaml:11:20: score.tiers[1].min: tier 'B' (min 990) is out of order: tiers run from best to worst, so its min must be below that of 'A' (min 960)"
            ]
        )
    }

    @Test("Tier thresholds overlapping, and a gap between tiers")
    func tiersOverlapping() {
        #expect(
            errors(breaking("{id: B, min: 850}", "{id: B, min: 850, max: 970}")) == [
                "test.yaml:11:30: score.tiers[1].max: tier 'B' (850-970) overlaps tier 'A' from 960 (set max to 959)"
            ]
        )
        #expect(
            errors(breaking("{id: B, min: 850}", "{id: B, min: 850, max: 900}")) == [
                "test.yaml:11:30: score.tiers[1].max: scores 901-959 fall between tier 'B' and tier 'A' (set max to 959)"
            ]
        )
        #expect(
            errors(breaking("{id: C, min: 0}", "{id: C, min: 100}")) == [
                "test.yaml:12:20: score.tiers[2].min: scores 0-99 have no tier: the worst tier 'C' starts at 100 (set its min to 0)"
            ]
        )
    }

    @Test(
        "References to undefined behaviours, sources, lists, tiers, actions and phases",
        arguments: [
            (
                "    behavior: jaywalking", "    behavior: jaywalk",
                "test.yaml:27:15: rules[0].behavior: unknown behaviour 'jaywalk' (did you mean 'jaywalking'?)"
            ),
            (
                "    delta: -5", "    delta: -5\n    sources: [camera]",
                "test.yaml:29:15: rules[0].sources[0]: unknown source 'camera' (defined: cctv)"
            ),
            (
                "    list: offenders", "    list: ofenders",
                "test.yaml:29:11: rules[0].list: unknown list 'ofenders' (did you mean 'offenders'?)"
            ),
            (
                "when: {list: offenders}", "when: {tier_at_most: E}",
                "test.yaml:41:26: measures[0].when.tier_at_most: unknown tier 'E' (defined: A, B, C)"
            ),
            (
                "    action: buy_flight", "    action: buy_flights",
                "test.yaml:40:13: measures[0].action: unknown action 'buy_flights' (did you mean 'buy_flight'?)"
            ),
            (
                "    false_attribution: 0.02", "    false_attribution: 0.02\n    rollout: {phase: pilots}",
                "test.yaml:25:22: sources[0].rollout.phase: unknown phase 'pilots' (no phase is defined: add one under 'timeline')"
            ),
        ]
    )
    func undefinedReferences(old: String, new: String, expected: String) {
        #expect(errors(breaking(old, new)) == [expected])
    }

    @Test(
        "Probabilities outside [0, 1]",
        arguments: [
            (
                "coverage: 0.2", "coverage: 20",
                "test.yaml:23:15: sources[0].coverage: must be a probability between 0 and 1, found 20 (if you meant 20%, write 0.2)"
            ),
            (
                "false_attribution: 0.02", "false_attribution: -0.1",
                "test.yaml:24:24: sources[0].false_attribution: must be a probability between 0 and 1, found -0.1"
            ),
        ]
    )
    func probabilities(old: String, new: String, expected: String) {
        #expect(errors(breaking(old, new)) == [expected])
    }

    @Test("Negative rates and terms")
    func negatives() {
        #expect(
            errors(breaking("rate: 0.01", "rate: -0.01")) == [
                "test.yaml:19:11: behaviors[1].rate: must not be negative, found -0.01"
            ]
        )
        #expect(
            errors(breaking("term_days: 365", "term_days: -365")) == [
                "test.yaml:33:16: lists[0].term_days: must not be negative, found -365 days"
            ]
        )
    }

    @Test("Duplicate ids, and duplicate keys in one mapping")
    func duplicates() {
        #expect(
            errors(breaking("  - id: blood_donation", "  - id: jaywalking")) == [
                "test.yaml:17:9: behaviors[1].id: duplicate behaviour id 'jaywalking', already used by behaviors[0] (give each behaviour its own id)",
                "test.yaml:22:28: sources[0].observes[1]: unknown behaviour 'blood_donation' (defined: jaywalking, jaywalking)",
            ]
        )
        #expect(
            errors(breaking("    rate: 0.5", "    rate: 0.5\n    rate: 0.6")).first?.contains(
                "duplicate key 'rate' in the same mapping"
            ) == true
        )
    }

    @Test("More lists than the engine's bit masks hold")
    func tooManyLists() {
        let extra = (1...8).map { "  - {id: extra\($0), kind: red, entry: {tier_at_least: A}}" }.joined(separator: "\n")
        let text = breaking("    term_days: 365\n", "    term_days: 365\n" + extra + "\n")
        #expect(
            errors(text) == [
                "test.yaml:41:5: lists[8]: 9 lists, more than the engine's limit of 8 (merge or remove some lists)"
            ]
        )
    }

    @Test("More measures than the day loop's grant word holds")
    func tooManyMeasures() {
        let extra = (1...64).map { "  - {id: extra\($0), kind: block, action: buy_flight, when: {list: offenders}}" }
            .joined(separator: "\n")
        let text = breaking("    when: {list: offenders}\n", "    when: {list: offenders}\n" + extra + "\n")
        #expect(errors(text).contains { $0.contains("measures[64]: 65 measures, more than the engine's limit of 64") })
    }

    @Test("Dates that do not parse or do not exist")
    func dates() {
        #expect(
            errors(breaking("end: 2020-12-31", "end: 2021-02-29")) == [
                "test.yaml:4:8: scenario.end: '2021-02-29' is not a valid date (write dates as YYYY-MM-DD, e.g. 2014-06-14)"
            ]
        )
        #expect(
            errors(breaking("end: 2020-12-31", "end: 31/12/2020")) == [
                "test.yaml:4:8: scenario.end: '31/12/2020' is not a valid date (write dates as YYYY-MM-DD, e.g. 2014-06-14)"
            ]
        )
        #expect(
            errors(breaking("end: 2020-12-31", "end: 2013-12-31")) == [
                "test.yaml:4:8: scenario.end: the period ends (2013-12-31) before it starts (2014-01-01)"
            ]
        )
        // 2014-01-01 to 2101-08-13 is 32,001 days, both ends counted.
        #expect(
            errors(breaking("end: 2020-12-31", "end: 2101-08-13")) == [
                "test.yaml:4:8: scenario.end: the period lasts 32001 days; a run covers at most 32000 (about 87 years)"
            ]
        )
    }

    @Test("Every error in a file is reported, in file order")
    func allErrors() {
        var text = breaking("conduct: conforming", "conduct: good")
        text = text.replacingOccurrences(of: "coverage: 0.2", with: "coverage: 2")
        text = text.replacingOccurrences(of: "    behavior: jaywalking", with: "    behavior: jaywalk")
        text = text.replacingOccurrences(of: "kind: black", with: "kind: grey")
        let found = errors(text)
        #expect(found.count == 4)
        #expect(found.map { $0.split(separator: ":")[1] } == ["18", "23", "27", "32"])
    }

    @Test("JSON is read into the same model, with located errors")
    func json() throws {
        let json = """
            {
            \t"scenario": {"name": "J", "start": "2014-01-01", "end": "2015-01-01"},
            \t"score": {"initial": 10, "minimum": 0, "maximum": 20, "tiers": [{"id": "A", "min": 0}]},
            \t"behaviors": [{"id": "x", "conduct": "conforming", "rate": 1}]
            }
            """
        let scenario = try Scenario.parse(json, file: "j.json")
        #expect(scenario.behaviors.map(\.id) == ["x"])
        #expect(scenario.score.tiers.count == 1)
        let broken = json.replacingOccurrences(of: "\"rate\": 1", with: "\"rate\": \"lots\"")
        #expect(
            errors(broken, file: "j.json") == ["j.json:4:61: behaviors[0].rate: expected a number, found text 'lots'"]
        )
    }

    @Test("Files that cannot be read are diagnosed, not crashed on")
    func unreadableFiles() throws {
        let missing = Scenario.read(contentsOf: "/nonexistent/scenario.yaml")
        #expect(missing.errors.map(\.description) == ["/nonexistent/scenario.yaml: no such file"])
        let folder = Scenario.read(contentsOf: NSTemporaryDirectory())
        #expect(folder.errors.first?.message == "is a directory, not a scenario file")
        let binary = TemporaryFolder.unusedPath("sclab-binary") + ".yaml"
        try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: URL(fileURLWithPath: binary))
        defer { try? FileManager.default.removeItem(atPath: binary) }
        #expect(Scenario.read(contentsOf: binary).errors.first?.message == "is not UTF-8 text")
    }
}

/// Durations belong to one-off triggers only.
@Suite("Scenario errors: response durations")
struct ResponseDurationTests {
    private func errors(_ response: String) -> [String] {
        Scenario.read(ScenarioErrorTests.valid + "responses:\n  - \(response)\n", file: "test.yaml").errors.map(
            \.description
        )
    }

    @Test("A sanction response without a duration is an error; with one it is valid")
    func oneOffNeedsDuration() {
        #expect(
            errors("{id: deterred, trigger: sanctioned, conduct: contradictory, factor: 0.7}") == [
                "test.yaml:43:5: responses[0]: a 'sanctioned' response needs 'duration_days': the trigger is a moment, so say how long its effect lasts"
            ]
        )
        #expect(
            errors("{id: deterred, trigger: sanctioned, conduct: contradictory, factor: 0.7, duration_days: 365}")
                .isEmpty
        )
    }

    @Test("A duration on a trigger that holds over time is an error")
    func stateTakesNoDuration() {
        #expect(
            errors("{id: chilled, trigger: monitored, behaviors: [jaywalking], factor: 0.5, duration_days: 30}") == [
                "test.yaml:43:92: responses[0].duration_days: 'duration_days' applies to one-off triggers (sanctioned, recorded); a 'monitored' response lasts while its trigger holds"
            ]
        )
    }
}
