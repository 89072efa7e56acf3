import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Testing

@testable import Impact

/// The report, built from a hand-made run whose every figure is known, and from a real small run.
struct ReportTests {
    static let yaml = """
        scenario: {id: tiny, name: Tiny system, summary: One offence and one ban, start: 2016-01-01, end: 2016-03-31}
        score:
          initial: 1000
          minimum: 0
          maximum: 1100
          tiers: [{id: A, min: 960}, {id: B, min: 0}]
        behaviors:
          - {id: offence, conduct: contradictory, who: adults, rate: 2}
          - {id: good_deed, conduct: conforming, who: adults, rate: 1}
        sources:
          - {id: watcher, observes: [offence], coverage: 0.5, false_attribution: 0.1}
        rules:
          - {id: penalty, behavior: offence, delta: -50, list: banned}
        lists:
          - {id: banned, kind: black, subject: people, term_days: 365}
        actions:
          - {id: fly, who: adults, rate: 4}
        measures:
          - {id: flight_ban, kind: block, subject: people, action: fly, when: {list: banned}}
        responses:
          - {id: deterrence, trigger: sanctioned, conduct: contradictory, factor: 0.5, duration_days: 365}
        """

    /// A run of three months with round numbers, as if loaded from run.sqlite.
    static func handMade() throws -> RunData {
        let scenario = try Scenario.parse(yaml, file: "tiny.yaml")
        let info = RunInfo(
            scenarioID: "tiny",
            scenarioText: yaml,
            population: 1_000,
            seed: 9,
            start: "2016-01-01",
            end: "2016-03-31",
            threads: 1,
            checkpointEvery: 0,
            version: "0.1.0"
        )
        let progress = RunProgress(
            daysDone: 91,
            lastDay: "2016-03-31",
            checkpoint: nil,
            finished: true,
            digest: String(repeating: "ab", count: 32),
            summaryJSON: "{}"
        )
        let series: [String: [Double?]] = [
            "behavior.offence": [160, 150, 140], "behavior.good_deed": [80, 85, 90],
            "counterfactual.behavior.offence": [165, 166, 164], "counterfactual.behavior.good_deed": [80, 85, 90],
            "behaviors.total": [240, 235, 230],
            "records.total": [80, 75, 70], "records.source.watcher": [80, 75, 70], "records.false": [8, 7, 7],
            "records.source_false.watcher": [8, 7, 7], "list.entries.banned": [72, 68, 60],
            "list.removals.banned": [0, 0, 0],
            "records.judged_otherwise": [0, 0, 0], "points.deducted": [4000, 3750, 3500], "points.added": [0, 0, 0],
            "list.size.banned": [72, 140, 200], "list.entries_false": [8, 7, 7], "list.wrongly_listed": [8, 15, 22],
            "attempts.fly": [30, 50, 70], "blocked.fly": [30, 50, 70], "blocked_wrongly.fly": [3, 5, 7],
            "rewards.fly": [0, 0, 0], "blocked.total": [30, 50, 70], "blocked_wrongly.total": [3, 5, 7],
            "rewards.total": [0, 0, 0], "appeals.filed": [0, 2, 2], "appeals.filed_false": [0, 2, 2],
            "appeals.overturned": [0, 0, 1], "appeals.overturned_false": [0, 0, 1],
            "score.mean": [996.4, 993, 990], "tier.share.A": [1, 1, 1], "tier.share.B": [0, 0, 0],
            "score.bin.0": [0, 0, 0], "score.bin.500": [0, 0, 200], "score.bin.1000": [1000, 1000, 800],
        ]
        func tally(_ dimension: String, _ group: String, people: Int, sanctioned: Int, listed: Int) -> GroupTally {
            var t = GroupTally(dimension: dimension, group: group)
            t.people = people
            t.sanctioned = sanctioned
            t.blocks = sanctioned * 2
            t.everBlacklisted = listed
            t.scored = people
            t.scoreSum = people * 990
            t.falselyRecorded = listed / 10
            return t
        }
        let groups = [
            tally("all", "everyone", people: 1_000, sanctioned: 75, listed: 200),
            tally("income_quintile", "1", people: 200, sanctioned: 30, listed: 60),
            tally("income_quintile", "5", people: 200, sanctioned: 10, listed: 20),
            tally("sex", "female", people: 500, sanctioned: 25, listed: 80),
            tally("sex", "male", people: 500, sanctioned: 50, listed: 120),
        ]
        return RunData(
            directory: "runs/tiny",
            info: info,
            progress: progress,
            scenario: scenario,
            periods: ["2016-01", "2016-02", "2016-03"],
            series: series,
            groups: groups,
            totals: [:]
        )
    }

    @Test("The markdown report of a hand-made run matches its snapshot")
    func markdownSnapshot() throws {
        try Snapshot.check(Report(try Self.handMade()).markdown(), named: "tiny-report.md")
    }

    @Test("A line chart's SVG matches its snapshot")
    func svgSnapshot() throws {
        let chart = Chart(
            id: "demo",
            kind: .line,
            title: "Demo <chart>",
            summary: "Two series over four months.",
            categories: ["2015-12", "2016-01", "2016-02", "2016-03"],
            series: [
                .init(name: "real", values: [1, 2, nil, 4]), .init(name: "off", values: [2, 2, 2, 2], dashed: true),
            ],
            categoryLabel: "month",
            valueLabel: "count",
            format: .count
        )
        try Snapshot.check(chart.svg(), named: "line-chart.svg")
    }

    @Test("Who it hit: rates and disparate-impact ratios worked out by hand")
    func whoItHit() throws {
        let report = Report(try Self.handMade())
        let section = try #require(report.sections.first { $0.id == "who-it-hit" })
        let quintiles = try #require(
            section.blocks.compactMap { if case let .table(t) = $0, t.caption.contains("income") { t } else { nil } }
                .first
        )
        // Q1: 30/200 = 15%, Q5: 10/200 = 5% → DI 3.00 and 1.00.
        #expect(quintiles.rows[0][2] == "15.00% (3.00)")
        #expect(quintiles.rows[1][2] == "5.00% (1.00)")
    }

    @Test("The HTML report is self-contained: no scripts, no external resources, one SVG per chart with a title")
    func htmlSelfContained() throws {
        let report = Report(try Self.handMade())
        let html = report.html()
        #expect(!html.contains("<script"))
        #expect(
            !html.contains("http://")
                || html.components(separatedBy: "http://").count - 1 == html.components(
                    separatedBy: "xmlns=\"http://www.w3.org/2000/svg\""
                ).count - 1
        )
        #expect(!html.contains("https://"))
        #expect(!html.contains("@import") && !html.contains("url("))
        let drawn = report.charts.filter(\.hasData)
        #expect(drawn.count >= 6)
        #expect(html.components(separatedBy: "<svg ").count - 1 == drawn.count)
        for section in [
            "How it works", "What it did", "Who it hit", "Its errors", "Spillovers", "Does it build trust?",
            "Reproduce",
        ] {
            #expect(html.contains("<h2>\(section)</h2>"), "missing section \(section)")
        }
    }

    @Test("JSON round-trips to the same report")
    func json() throws {
        let report = Report(try Self.handMade())
        let decoded = try JSONDecoder().decode(Report.self, from: Data(try report.json().utf8))
        #expect(decoded == report)
    }
}

/// Snapshot files under Tests/ImpactTests/Snapshots: compared byte for byte; written when missing
/// or when SCLAB_RECORD_SNAPSHOTS=1 (the test then fails, so a recording is always looked at).
enum Snapshot {
    static func check(_ text: String, named name: String, file: String = #filePath) throws {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Snapshots")
        let url = folder.appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["SCLAB_RECORD_SNAPSHOTS"] == "1"
        guard !record, let stored = try? String(contentsOf: url, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name); check it and run again")
            return
        }
        #expect(stored == text, "snapshot \(name) differs; rerun with SCLAB_RECORD_SNAPSHOTS=1 to record the new text")
    }
}
