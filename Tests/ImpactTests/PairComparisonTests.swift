import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Testing

@testable import Impact

/// A baseline and a variant side by side (`RunPairComparison`), on the hand-made run and a copy
/// with known changes, so every figure is known.
struct PairComparisonTests {
    /// The hand-made run, and a variant: the watcher's coverage halved, twice the records, and the
    /// poorest fifth listed and punished differently.
    static func pair() throws -> (RunData, RunData) {
        let a = try ReportTests.handMade()
        var b = a
        b.directory = "runs/tiny-b"
        b.info.scenarioText = ReportTests.yaml.replacingOccurrences(of: "coverage: 0.5", with: "coverage: 0.25")
        b.series["records.total"] = [160, 150, 140]
        b.series["score.mean"] = [990, 985, nil]
        let poorest = try #require(b.groups.firstIndex { $0.dimension == "income_quintile" && $0.group == "1" })
        b.groups[poorest].everBlacklisted = 80  // 60 → 80 of 200: 30% → 40%
        b.groups[poorest].sanctioned = 20  // 30 → 20 of 200: 15% → 10%
        return (a, b)
    }

    static func person(
        _ index: Int,
        _ reason: String,
        score: Int?,
        lists: String = "",
        everListed: String = ""
    ) -> SubjectSnapshot {
        SubjectSnapshot(
            subject: index,
            subjectKind: .people,
            reason: reason,
            score: score,
            tier: score.map { $0 >= 960 ? "A" : "B" },
            lists: lists,
            everListed: everListed,
            records: 1,
            falseRecords: 0,
            blocked: 2,
            rewarded: 0,
            age: 40,
            male: true,
            province: 37,
            urban: true,
            incomeQuintile: 3
        )
    }

    static func listing(_ index: Int, _ day: String) -> [Int: [Listing]] {
        [
            index: [
                Listing(
                    id: Int64(index),
                    subject: index,
                    subjectKind: .people,
                    list: "banned",
                    day: day,
                    until: nil,
                    behavior: "offence",
                    source: "watcher",
                    rule: "penalty",
                    misattributed: false
                )
            ]
        ]
    }

    @Test("The scenario diff and the key metrics are sclab diff's and sclab compare's, text included")
    func diffAndMetrics() throws {
        let (a, b) = try Self.pair()
        let pair = try RunPairComparison(
            baseline: ComparedRun(data: a, people: [:], listings: [:]),
            variant: ComparedRun(data: b, people: [:], listings: [:])
        )
        #expect(
            pair.scenarioChanges == [.init(path: "sources.watcher.coverage", kind: "changed", old: "0.5", new: "0.25")]
        )
        let comparison = try Comparison([a, b])
        #expect(pair.metrics.map(\.id) == comparison.rows.map(\.id))
        for (metric, row) in zip(pair.metrics, comparison.rows) {
            #expect(metric.baseline == row.values[0] && metric.variant == row.values[1])
            #expect(metric.difference == row.differences[1] && metric.relative == row.relative[1])
            #expect(metric.interval == row.intervals[1])
        }
        let records = try #require(pair.metrics.first { $0.id == "records" })
        #expect(records.baseline == 225 && records.variant == 450 && records.difference == 225)
        #expect(records.differenceText == "+225" && records.changeText == "+100.00%")
        // The text table's line for the metric holds the same cells, in order.
        let line = try #require(comparison.text.split(separator: "\n").first { $0.hasPrefix("records made ") })
        let cells = line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(
            cells == [
                "records made", records.baselineText, records.variantText, records.differenceText, records.changeText,
            ]
        )
        #expect(pair.notes == comparison.notes)
        #expect(pair.baseline.directory == "runs/tiny" && pair.variant.directory == "runs/tiny-b")
    }

    @Test("Series of both runs share the months; groups' shares and differences are computed by hand")
    func seriesAndGroups() throws {
        let (a, b) = try Self.pair()
        let pair = try RunPairComparison(
            baseline: ComparedRun(data: a, people: [:], listings: [:]),
            variant: ComparedRun(data: b, people: [:], listings: [:])
        )
        let score = try #require(pair.series.first { $0.id == "score-mean" })
        #expect(score.points.map(\.period) == ["2016-01", "2016-02", "2016-03"])
        #expect(score.points.map(\.baseline) == [996.4, 993, 990] && score.points.map(\.variant) == [990, 985, nil])
        let banned = try #require(pair.series.first { $0.id == "list-share-banned" })
        #expect(banned.points.map(\.baseline) == [0.072, 0.14, 0.2])  // 72, 140, 200 of 1,000
        let chart = score.chart(baselineName: "baseline", variantName: "variant")
        #expect(chart.series.map(\.name) == ["baseline", "variant"] && chart.categories.count == 3)
        #expect(chart.svg().contains("<g class=\"legend\">"))
        #expect(pair.series.map(\.id).contains("records") && pair.series.map(\.id).contains("blocked"))
        let quintiles = try #require(pair.groups.first { $0.dimension == "income_quintile" })
        let poorest = try #require(quintiles.rows.first { $0.group == "1" })
        #expect(poorest.label == "Q1 (poorest)")
        #expect(poorest.baseline?.listedShare == 0.3 && poorest.variant?.listedShare == 0.4)
        #expect(abs(try #require(poorest.listedDifference) - 0.1) < 1e-12)
        #expect(abs(try #require(poorest.punishedDifference) - -0.05) < 1e-12)
        let richest = try #require(quintiles.rows.first { $0.group == "5" })
        #expect(richest.listedDifference == 0 && richest.punishedDifference == 0)
        #expect(pair.groups.map(\.dimension) == ["income_quintile", "sex"])
    }

    @Test("People listed in one run only, ranked by days listed, then by score difference")
    func fateChanges() throws {
        let (a, b) = try Self.pair()
        let baseline = ComparedRun(
            data: a,
            people: [
                1: Self.person(1, "listed", score: 900, lists: "banned", everListed: "banned"),
                2: Self.person(2, "traced", score: 1000),
                4: Self.person(4, "traced,listed", score: 950, everListed: "banned"),
            ],
            listings: Self.listing(1, "2016-01-11").merging(Self.listing(4, "2016-03-01")) { x, _ in x }
        )
        let variant = ComparedRun(
            data: b,
            people: [
                2: Self.person(2, "traced,listed", score: 940, lists: "banned", everListed: "banned"),
                4: Self.person(4, "listed", score: 960, everListed: "banned"),
                5: Self.person(5, "listed", score: 1050, everListed: "honour"),
            ],
            listings: Self.listing(2, "2016-02-01").merging(Self.listing(4, "2016-03-20")) { x, _ in x }
        )
        let people = try RunPairComparison(baseline: baseline, variant: variant).people
        #expect(people.correspond && people.count == 3)
        // 1: 2016-01-11 to 2016-03-31 is 21 + 29 + 31 = 81 days; 2: 29 + 31 = 60; 5: no rule listed them.
        #expect(people.people.map(\.person) == [1, 2, 5])
        #expect(people.people.map(\.listedIn) == ["baseline", "variant", "variant"])
        #expect(people.people.map(\.daysListed) == [81, 60, nil])
        #expect(people.people.map(\.scoreDifference) == [nil, -60, nil])
        let first = people.people[0]
        #expect(first.baseline.stored && first.baseline.listed && first.baseline.listsAtEnd == ["banned"])
        #expect(!first.variant.stored && !first.variant.listed && first.variant.score == nil)
        #expect(people.population.contains("Everyone in the society of 1,000 people"))

        var other = variant
        other.data.info.seed = 10
        let apart = try RunPairComparison(baseline: baseline, variant: other)
        #expect(!apart.people.correspond && apart.people.people.isEmpty && apart.people.count == 0)
        #expect(apart.people.population.contains("People do not correspond"))
        #expect(apart.notes.contains { $0.contains("different societies") })
    }
}
