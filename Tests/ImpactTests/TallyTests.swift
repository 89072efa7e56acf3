import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Testing

@testable import Impact

/// The report's tables of what each list, reward, notice and operator did, from a hand-made run
/// whose every figure is known.
struct TallyTests {
    static let yaml = """
        scenario: {id: tally, name: Tally, start: 2016-01-01, end: 2016-02-29}
        score: {initial: 1000, minimum: 0, maximum: 1100, tiers: [{id: A, min: 960}, {id: B, min: 0}]}
        behaviors:
          - {id: offence, conduct: contradictory, who: adults, rate: 2}
        sources:
          - {id: camera, operator: sensors, observes: offence, coverage: 0.5, false_attribution: 0.1}
          - {id: street, operator: sensors, observes: offence, coverage: 0.2}
          - {id: bank, operator: private_partner, observes: offence, coverage: 0.5}
        rules:
          - {id: penalty, behavior: offence, delta: -50, list: banned}
        lists:
          - {id: banned, kind: black, term_days: 365, published: true}
          - {id: honour, kind: red, entry: {tier_at_least: A}}
        actions:
          - {id: pay_heating, who: adults, rate: 12}
        measures:
          - {id: heating_discount, kind: reward, action: pay_heating, benefit: 25, unit: yuan, when: {tier_at_least: A}}
          - {id: ringtone, kind: notice, channel: ringtone_warning, when: {list: banned}}
        """

    static func run(_ series: [String: [Double?]]) throws -> RunData {
        let info = RunInfo(
            scenarioID: "tally",
            scenarioText: yaml,
            population: 100,
            seed: 1,
            start: "2016-01-01",
            end: "2016-02-29",
            threads: 1,
            checkpointEvery: 0,
            version: "0.1.0"
        )
        let progress = RunProgress(
            daysDone: 60,
            lastDay: "2016-02-29",
            checkpoint: nil,
            finished: true,
            digest: String(repeating: "ab", count: 32),
            summaryJSON: "{}"
        )
        return RunData(
            directory: "runs/tally",
            info: info,
            progress: progress,
            scenario: try Scenario.parse(yaml, file: "tally.yaml"),
            periods: ["2016-01", "2016-02"],
            series: series,
            groups: [],
            totals: [:]
        )
    }

    static let series: [String: [Double?]] = [
        "records.source.camera": [40, 60], "records.source_false.camera": [4, 6],
        "records.source.street": [10, 10], "records.source_false.street": [0, 0],
        "records.source.bank": [30, 20], "records.source_false.bank": [0, 0],
        "list.entries.banned": [5, 3], "list.removals.banned": [0, 2], "list.size.banned": [5, 6],
        "list.entries.honour": [90, 1], "list.removals.honour": [0, 4], "list.size.honour": [90, 87],
        "rewards.measure.heating_discount": [80, 70], "benefit.heating_discount": [2_000, 1_750],
        "notices.ringtone_warning": [5, 6], "notices.name_published": [5, 6],
    ]

    @Test("Records and false records are summed by operator: sensors 120 and 10, private partners 50 and 0")
    func operators() throws {
        guard case let .table(table)? = Tallies.operators(try Self.run(Self.series)) else {
            Issue.record("no table")
            return
        }
        #expect(
            table.rows == [
                ["private_partner", "bank", "50", "0", "0.00%"],
                ["sensors", "camera, street", "120", "10", "8.33%"],
            ]
        )
    }

    @Test("A reward's grants and benefit are shown with its unit: 150 grants of 25 yuan, 3,750 yuan")
    func benefits() throws {
        guard case let .table(table)? = Tallies.benefits(try Self.run(Self.series)) else {
            Issue.record("no table")
            return
        }
        #expect(table.rows == [["heating_discount", "pay_heating", "150", "25", "3,750", "yuan"]])
    }

    @Test("Entries onto a condition-filled list are shown beside a rule-filled one's")
    func lists() throws {
        guard case let .table(table)? = Tallies.lists(try Self.run(Self.series)) else {
            Issue.record("no table")
            return
        }
        #expect(
            table.rows == [
                ["banned", "black", "people", "rules", "8", "2", "6"],
                ["honour", "red", "people", "condition", "91", "4", "87"],
            ]
        )
    }

    @Test("Notices: at the end and subject-months; a published list's name_published is among them")
    func notices() throws {
        guard case let .table(table)? = Tallies.notices(try Self.run(Self.series)) else {
            Issue.record("no table")
            return
        }
        #expect(table.rows == [["ringtone_warning", "6", "11", "–", "–"], ["name_published", "6", "11", "–", "–"]])
    }
}
