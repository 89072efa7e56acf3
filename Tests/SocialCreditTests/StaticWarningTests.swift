import Foundation
import TestSupport
import Testing

@testable import SocialCredit

/// `sclab check` finds what can never happen (issue 13): each kind of static warning, on a small
/// scenario broken in one place, at the line and column of the part; the unbroken scenario has
/// none. Bounds are worked by hand in each test.
@Suite("Static warnings")
struct StaticWarningTests {
    /// The scenario each test breaks in one place (see `ScenarioTexts.reachable`).
    static let valid = ScenarioTexts.reachable

    /// The diagnostics of a variant, which must still be valid.
    private func warnings(_ text: String) -> [String] {
        let reading = Scenario.read(text, file: "test.yaml")
        #expect(reading.scenario != nil && reading.errors.isEmpty, "\(reading.errors.map(\.description))")
        return reading.diagnostics.map(\.description)
    }

    private func breaking(_ old: String, _ new: String) -> String {
        precondition(Self.valid.contains(old), "fixture does not contain \(old)")
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    @Test("The unbroken scenario has no warnings")
    func valid() throws {
        #expect(warnings(Self.valid) == [])
        #expect(try Scenario.parse(Self.valid, file: "test.yaml").staticWarnings() == [])
    }

    // MARK: 1. Never in force

    @Test("A measure whose explicit rollout starts after the period ends")
    func explicitStartAfterEnd() {
        #expect(
            warnings(
                breaking(
                    "    when: {tier_at_most: C}\n",
                    "    when: {tier_at_most: C}\n    rollout: {start: 2017-01-01}\n"
                )
            ) == [
                "test.yaml:79:22: warning: measures[1].rollout.start: measure 'ringtone' is never in force within the scenario's period (2014-01-01 to 2016-12-31): it starts 2017-01-01, after the period ends (start it within the period, or end the period later)"
            ]
        )
    }

    @Test("Company parts on a phase that starts after the period ends (the seed scenario's case)")
    func phaseAfterEnd() {
        #expect(
            warnings(breaking("{id: companies, start: 2016-01-01", "{id: companies, start: 2017-01-01")) == [
                "test.yaml:55:22: warning: rules[3].rollout.phase: rule 'polluter' is never in force within the scenario's period (2014-01-01 to 2016-12-31): the first phase from 'pilot' on that covers companies, 'companies', starts 2017-01-01, after the period ends (start it within the period, or end the period later)",
                "test.yaml:64:5: warning: lists[2]: nobody enters list 'polluters': the rules that list on it ('polluter') never take effect",
                "test.yaml:84:22: warning: spillovers[0].rollout.phase: spillover 'parents_listed' is never in force within the scenario's period (2014-01-01 to 2016-12-31): phase 'companies' starts 2017-01-01, after the period ends (start it within the period, or end the period later)",
            ]
        )
    }

    @Test("A company rule on a phase that no later phase widens to companies")
    func phaseNeverCoversCompanies() {
        #expect(
            warnings(breaking("subjects: [people, companies]", "subjects: [people]")) == [
                "test.yaml:55:22: warning: rules[3].rollout.phase: rule 'polluter' is never in force within the scenario's period (2014-01-01 to 2016-12-31): no phase from 'pilot' on covers companies (start it within the period, or end the period later)",
                "test.yaml:64:5: warning: lists[2]: nobody enters list 'polluters': the rules that list on it ('polluter') never take effect",
            ]
        )
    }

    @Test(
        "A source on a company-only phase records companies, not people: each kind of behaviour is judged by its own window"
    )
    func sourceWindowPerKind() {
        let text = breaking("    delay_days: 30\n", "    delay_days: 30\n    rollout: {phase: companies}\n")
            .replacingOccurrences(of: "subjects: [people, companies]", with: "subjects: [companies]")
        let found = warnings(text)
        #expect(
            found.contains {
                $0.contains(
                    "behaviour 'speeding' is never recorded: source 'cameras' is never in force within the period"
                )
            }
        )
        #expect(found.contains { $0.contains("rule 'speed' never takes effect") })
        #expect(!found.contains { $0.contains("pollut") }, "\(found)")
        #expect(!found.contains { $0.contains("source 'cameras' is never in force within the scenario's period") })
    }

    // MARK: 2. Unreachable tiers

    @Test("A tier above what capped rules reach: 3 a year for 3 years from 1000 stops at 1009")
    func tierAboveCaps() {
        #expect(
            warnings(breaking("cap_per_year: 5", "cap_per_year: 3")) == [
                "test.yaml:10:7: warning: score.tiers[0]: tier 'A' (scores from 1010) is never reached: within the period scores stay within 0...1009 (1000 initial, down without bound and at most 9 up by rules within their yearly caps, ratings and spillovers)"
            ]
        )
    }

    @Test("A record's lifetime bounds the years a cap counts: 365 days span at most 2 calendar years")
    func lifetimeBoundsCaps() {
        #expect(warnings(breaking("cap_per_year: 5", "cap_per_year: 5\n    lifetime_days: 365")) == [])
        #expect(
            warnings(breaking("cap_per_year: 5", "cap_per_year: 4\n    lifetime_days: 365")) == [
                "test.yaml:10:7: warning: score.tiers[0]: tier 'A' (scores from 1010) is never reached: within the period scores stay within 0...1008 (1000 initial, down without bound and at most 8 up by rules within their yearly caps, ratings and spillovers)"
            ]
        )
    }

    @Test("A measure that names an unreachable tier never applies")
    func measureOnUnreachableTier() {
        let text = breaking("cap_per_year: 5", "cap_per_year: 3").replacingOccurrences(
            of: "when: {tier_at_most: C}",
            with: "when: {tier_at_least: A}"
        )
        #expect(
            warnings(text) == [
                "test.yaml:10:7: warning: score.tiers[0]: tier 'A' (scores from 1010) is never reached: within the period scores stay within 0...1009 (1000 initial, down without bound and at most 9 up by rules within their yearly caps, ratings and spillovers)",
                "test.yaml:75:5: warning: measures[1]: measure 'ringtone' never applies: no score reaches tier 'A' or better",
            ]
        )
    }

    // MARK: 3. Never acts

    @Test("A rule whose every record is judged otherwise")
    func ruleAlwaysDiscretion() {
        #expect(
            warnings(breaking("    delta: -20\n", "    delta: -20\n    discretion: 1\n")) == [
                "test.yaml:49:5: warning: rules[2]: rule 'speed' never takes effect: every record is judged otherwise (discretion 1.0)"
            ]
        )
    }

    @Test("A rule that ends before its source's records arrive (30 days' delay)")
    func ruleBeforeRecordsArrive() {
        #expect(
            warnings(breaking("    delta: -20\n", "    delta: -20\n    rollout: {end: 2014-01-30}\n")) == [
                "test.yaml:49:5: warning: rules[2]: rule 'speed' never takes effect: no record of behaviour 'speeding' arrives while it is in force (2014-01-01 to 2014-01-30)"
            ]
        )
        #expect(warnings(breaking("    delta: -20\n", "    delta: -20\n    rollout: {end: 2014-01-31}\n")) == [])
    }

    @Test("A measure and a spillover whose conditions never hold")
    func conditionsNeverHold() {
        #expect(
            warnings(breaking("when: {tier_at_most: C}", "when: {score_at_least: 1100}")) == [
                "test.yaml:75:5: warning: measures[1]: measure 'ringtone' never applies: scores never reach 1100 (highest 1015)"
            ]
        )
        #expect(
            warnings(breaking("    when: {list: debtors}\n    effect", "    when: {score_below: 0}\n    effect")) == [
                "test.yaml:80:5: warning: spillovers[0]: spillover 'parents_listed' never acts: scores never fall below 0 (lowest 0)"
            ]
        )
    }

    @Test("A block on an action nobody attempts")
    func actionNeverAttempted() {
        #expect(
            warnings(breaking("    rate: 1\nmeasures:", "    rate: 0\nmeasures:")) == [
                "test.yaml:71:5: warning: measures[0]: measure 'no_flights' never applies: action 'fly' is never attempted (rate 0)",
                "test.yaml:80:5: warning: spillovers[0]: spillover 'parents_listed' never acts: action 'fly' is never attempted (rate 0)",
            ]
        )
    }

    @Test("A list whose entry condition never holds, and one no rule fills")
    func listsNobodyEnters() {
        #expect(
            warnings(breaking("entry: {tier_at_least: B}", "entry: {score_at_least: 1100}")) == [
                "test.yaml:61:5: warning: lists[1]: nobody enters list 'trusted': its entry condition never holds: scores never reach 1100 (highest 1015)"
            ]
        )
        #expect(
            warnings(breaking("    list: polluters\n", "    delta: -1\n")) == [
                "test.yaml:64:5: warning: lists[2]: list 'polluters' has no 'entry' condition and no rule puts anyone on it"
            ]
        )
    }

    // MARK: 4. List cycles (an error since issue 14)

    private func cycleErrors(_ text: String) -> [String] {
        let reading = Scenario.read(text, file: "test.yaml")
        #expect(reading.scenario == nil, "a scenario with a list cycle must be refused")
        return reading.errors.map(\.description)
    }

    @Test("A list whose entry tests itself is refused, at the reference")
    func listTestsItself() {
        #expect(
            cycleErrors(breaking("entry: {tier_at_least: B}", "entry: {any: [{tier_at_least: B}, {list: trusted}]}"))
                == [
                    "test.yaml:63:46: lists[1].entry.any[1].list: the entry condition of list 'trusted' depends on itself (trusted -> trusted): who is on it would depend on the order lists are settled in (test a tier or a score instead of the list)"
                ]
        )
    }

    @Test("Two lists whose entries test each other: one error naming the cycle, at the first list's reference")
    func listsTestEachOther() {
        let text = breaking(
            "entry: {tier_at_least: B}",
            "entry: {any: [{tier_at_least: B}, {list: honour}]}\n  - id: honour\n    kind: red\n    entry: {all: [{tier_at_least: A}, {list: trusted}]}"
        )
        #expect(
            cycleErrors(text) == [
                "test.yaml:63:46: lists[1].entry.any[1].list: the entry condition of list 'trusted' depends on itself (trusted -> honour -> trusted): who is on it would depend on the order lists are settled in (test a tier or a score instead of the list)"
            ]
        )
    }

    // MARK: 5. Unrecorded behaviours

    @Test("A repayment behaviour that no source observes")
    func behaviourNobodyRecords() {
        #expect(
            warnings(breaking("observes: [arrears, repay, donation]", "observes: [arrears, donation]")) == [
                "test.yaml:17:5: warning: behaviors[1]: behaviour 'repay' is never recorded: no source observes it (add it to a source's 'observes')"
            ]
        )
    }

    @Test("A behaviour whose only source delivers after the period ends")
    func behaviourRecordedTooLate() {
        #expect(
            warnings(breaking("    delay_days: 30", "    delay_days: 1200")) == [
                "test.yaml:23:5: warning: behaviors[3]: behaviour 'speeding' is never recorded: source 'cameras' delivers only after the period ends (delay_days 1200)",
                "test.yaml:26:5: warning: behaviors[4]: behaviour 'pollution' is never recorded: source 'cameras' delivers only after the period ends (delay_days 1200)",
                "test.yaml:49:5: warning: rules[2]: rule 'speed' never takes effect: behaviour 'speeding' is never recorded",
                "test.yaml:52:5: warning: rules[3]: rule 'polluter' never takes effect: behaviour 'pollution' is never recorded",
                "test.yaml:64:5: warning: lists[2]: nobody enters list 'polluters': the rules that list on it ('polluter') never take effect",
            ]
        )
    }
}
